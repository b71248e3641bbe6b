import DecimalJs from 'decimal.js';
import { RuleInputError } from './errors';

/**
 * Isolated Decimal constructor (does not mutate the global decimal.js settings).
 * 40 significant digits is far beyond any AK or rupiah figure.
 */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** A decimal written as a string ("12.500") or an integer/finite JSON number. */
export type DecimalInput = string | number;

const DECIMAL_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Parses a decimal from a string or JSON number without binary-float arithmetic. */
export function toDec(value: unknown, field: string): Dec {
  if (typeof value === 'string') {
    const s = value.trim();
    if (!DECIMAL_RE.test(s)) throw new RuleInputError(`must be a decimal number, got "${value}"`, field);
    return new Dec(s);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RuleInputError(`must be a finite number, got ${String(value)}`, field);
    // decimal.js converts a JS number through its shortest round-trip string, so 0.6 -> "0.6" exactly.
    return new Dec(value);
  }
  if (value instanceof Dec) return value;
  throw new RuleInputError(`must be a decimal (string or number), got ${describe(value)}`, field);
}

const FROZEN_DECIMALS = new WeakMap<object, Map<string, Dec>>();

/**
 * toDec(owner[key], prefix + key), parsed once per owner and key when the owner is frozen (a validated rule set's
 * tables, frozen with it): a frozen object's property cannot change, and a Dec is immutable. An invalid value is
 * not kept, so it throws the same RuleInputError at every call.
 */
export function toDecOf(owner: object, key: string, prefix: string): Dec {
  const value = (owner as Record<string, unknown>)[key];
  if (!Object.isFrozen(owner)) return toDec(value, `${prefix}${key}`);
  let parsed = FROZEN_DECIMALS.get(owner);
  if (parsed === undefined) FROZEN_DECIMALS.set(owner, (parsed = new Map<string, Dec>()));
  let d = parsed.get(key);
  if (d === undefined) parsed.set(key, (d = toDec(value, `${prefix}${key}`)));
  return d;
}

/** Rounds half-up to `dp` decimal places and formats with exactly `dp` decimals. */
export function roundHalfUp(d: Dec, dp: number): string {
  return d.toDecimalPlaces(dp, Dec.ROUND_HALF_UP).toFixed(dp);
}

/** Rounds half-up to `dp` places, returning a Decimal. */
export function roundDec(d: Dec, dp: number): Dec {
  return d.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
}

/** Formats a decimal for explanations (trailing zeros removed, max 6 dp). */
export function show(d: Dec): string {
  return d.toDecimalPlaces(6, Dec.ROUND_HALF_UP).toString();
}

/** Formats a percentage from a fraction: 0.015 -> "1.5%". */
export function pct(d: Dec): string {
  return `${d.times(100).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toString()}%`;
}

/** Sum of decimals. */
export function sum(values: readonly Dec[]): Dec {
  return values.reduce((a, b) => a.plus(b), new Dec(0));
}

/** Converts an integer-valued Decimal to a JS number (safe for rupiah amounts). */
export function toInt(d: Dec): number {
  if (!d.isInteger()) throw new Error(`internal: expected an integer, got ${d.toString()}`);
  return d.toNumber();
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing (missing)';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `${typeof value} ${String(value)}`;
  return typeof value; // a function or a symbol: never in JSON input
}
