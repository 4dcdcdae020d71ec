/** ANSI colours, only when writing to a terminal (and NO_COLOR is unset). */
export interface Palette {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function paint(enabled: boolean): Palette {
  if (!enabled) {
    const same = (text: string) => text;
    return { red: same, green: same, yellow: same, dim: same, bold: same };
  }
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

export function colorsFor(io: { isTTY: boolean; env: NodeJS.ProcessEnv }): Palette {
  return paint(io.isTTY && !io.env.NO_COLOR);
}
