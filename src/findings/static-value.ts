import type { ValueShape } from '../analysis/types.js';
import type { StaticValue } from '../compat/index.js';

/**
 * The statically known JavaScript value of a shape, or undefined when any part is unknown. Objects
 * with spreads are unknown as a whole: a spread may override any key.
 */
export function staticValueOf(shape: ValueShape | null | undefined): StaticValue | undefined {
  if (!shape) return undefined;
  switch (shape.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return shape.value;
    case 'null':
      return null;
    case 'env':
      return undefined;
    case 'array': {
      if (shape.hasSpread) return undefined;
      const out: StaticValue[] = [];
      for (const element of shape.elements) {
        const value = staticValueOf(element);
        if (value === undefined) return undefined;
        out.push(value);
      }
      return out;
    }
    case 'object': {
      if (shape.hasSpread) return undefined;
      const out: { [key: string]: StaticValue } = {};
      for (const property of shape.properties) {
        const value = staticValueOf(property.value);
        if (value === undefined) return undefined;
        out[property.key] = value;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/**
 * Like staticValueOf, but keeps what is known of objects with unknown parts: value rules match on
 * `response_format.type` even when `json_schema` holds a variable.
 */
export function partialValueOf(shape: ValueShape | null | undefined): StaticValue | undefined {
  if (!shape) return undefined;
  if (shape.kind === 'object') {
    const out: { [key: string]: StaticValue } = {};
    for (const property of shape.properties) {
      const value = partialValueOf(property.value);
      if (value !== undefined) out[property.key] = value;
    }
    return out;
  }
  return staticValueOf(shape);
}

/** The string a shape statically holds, following an env read's fallback. */
export function stringOf(shape: ValueShape | null | undefined): { value: string; shape: Extract<ValueShape, { kind: 'string' }> } | null {
  if (!shape) return null;
  if (shape.kind === 'string') return { value: shape.value, shape };
  if (shape.kind === 'env' && shape.fallback?.kind === 'string') return { value: shape.fallback.value, shape: shape.fallback };
  return null;
}
