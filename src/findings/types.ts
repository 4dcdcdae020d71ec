import type { Span } from '../analysis/types.js';
import type { ModelOverride, ThinkingMode } from '../compat/index.js';
import type { Edit } from '../edits/edit.js';
import type { RuleId } from './rule-catalog.js';
import type { TransformId } from './transforms.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Fix {
  /** The codemod concern that applies it (`--only` / `--skip` select by this). */
  readonly transform: TransformId;
  /** What the fix does, for the report and ESLint suggestions. */
  readonly description: string;
  readonly edits: readonly Edit[];
  /**
   * Keeps what the code meant (`max_completion_tokens` → `max_tokens`): ESLint applies it as an autofix.
   * Unsafe fixes are ESLint suggestions, and the codemod applies them as the migration.
   */
  readonly safe: boolean;
}

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly file: string;
  readonly span: Span;
  /** Names the target it judged against: "`temperature` is ignored by deepseek-flash in thinking mode". */
  readonly message: string;
  readonly fix: Fix | null;
  /** A person must act: the codemod leaves a `TODO(ds-migrate:<rule>)` marker and lists it. */
  readonly manual: boolean;
  /** The statement a marker goes on, and its file (the call's file, where the span may be elsewhere). */
  readonly statementSpan: Span;
  readonly statementFile: string;
  readonly docs: string;
}

/** What the code is judged against, from settings (`settings.deepseek`, `--config`, CLI flags). */
export interface TargetSettings {
  /** Model assumed for calls whose model is not statically known. */
  readonly model?: string;
  /** Thinking mode assumed for calls that do not say; default: the model's own default. */
  readonly thinking?: ThinkingMode;
  /** Project overrides of the model map (`gpt-4o` → `deepseek-v4-pro`, patterns with `*`). */
  readonly modelMap?: Readonly<Record<string, ModelOverride>>;
  /** Module specifiers whose exports are SDK clients (for single-file linting without a project index). */
  readonly clientModules?: readonly string[];
  /** `inline`: downgrade json_schema to json_object with the schema in the system message. */
  readonly jsonSchema?: 'marker' | 'inline';
}
