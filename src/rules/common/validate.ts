import { RuleInputError } from './errors';
import { describe } from './decimal';

export function asObject(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RuleInputError(`must be an object, got ${describe(value)}`, field);
  }
  return value as Record<string, unknown>;
}

export function asArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new RuleInputError(`must be an array, got ${describe(value)}`, field);
  return value;
}

export function asInt(value: unknown, field: string, min?: number, max?: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new RuleInputError(`must be an integer, got ${describe(value)}`, field);
  }
  if (min !== undefined && value < min) throw new RuleInputError(`must be ≥ ${min}, got ${value}`, field);
  if (max !== undefined && value > max) throw new RuleInputError(`must be ≤ ${max}, got ${value}`, field);
  return value;
}

export function asString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new RuleInputError(`must be a non-empty string, got ${describe(value)}`, field);
  return value;
}

/** `String()` of a JSON scalar; an object or array as its JSON text (never "[object Object]"). */
export function scalarText(value: unknown): string {
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

export function asBool(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new RuleInputError(`must be true or false, got ${describe(value)}`, field);
  return value;
}
