/**
 * Comparison rules of spec/golden/README.md: strings and enums exactly, decimal strings numerically,
 * integers exactly, null only by null, arrays of codes as sets, other arrays item by item,
 * only keys present in `expected` are checked. Returns a list of mismatch descriptions.
 */
import DecimalJs from 'decimal.js';

const DECIMAL_STRING = /^-?\d+\.\d+$|^-?\d+$/;
const CODE = /^[A-Z][A-Z0-9_/]*$/;

function isCodeArray(a: unknown[]): boolean {
  return a.every((x) => typeof x === 'string' && CODE.test(x));
}

export function compareGolden(expected: unknown, actual: unknown, path = 'output'): string[] {
  if (expected === null) return actual === null ? [] : [`${path}: expected null, got ${JSON.stringify(actual)}`];
  if (typeof expected === 'string') {
    if (typeof actual !== 'string') return [`${path}: expected "${expected}", got ${JSON.stringify(actual)}`];
    if (DECIMAL_STRING.test(expected) && DECIMAL_STRING.test(actual)) {
      return new DecimalJs(expected).eq(new DecimalJs(actual)) ? [] : [`${path}: expected ${expected}, got ${actual}`];
    }
    return expected === actual ? [] : [`${path}: expected "${expected}", got "${actual}"`];
  }
  if (typeof expected === 'number' || typeof expected === 'boolean') {
    return actual === expected ? [] : [`${path}: expected ${String(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    if (
      isCodeArray(expected) &&
      isCodeArray(actual) &&
      (expected.length > 0 || actual.every((x) => typeof x === 'string'))
    ) {
      const e = [...new Set(expected as string[])].sort();
      const a = [...new Set(actual as string[])].sort();
      return JSON.stringify(e) === JSON.stringify(a)
        ? []
        : [`${path}: expected set ${JSON.stringify(e)}, got ${JSON.stringify(a)}`];
    }
    if (expected.length !== actual.length)
      return [`${path}: expected ${expected.length} items, got ${actual.length}: ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => compareGolden(e, actual[i], `${path}[${i}]`));
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected as Record<string, unknown>).flatMap(([k, v]) =>
      k in actual
        ? compareGolden(v, (actual as Record<string, unknown>)[k], `${path}.${k}`)
        : [`${path}.${k}: missing`],
    );
  }
  return [`${path}: unsupported expected value ${JSON.stringify(expected)}`];
}
