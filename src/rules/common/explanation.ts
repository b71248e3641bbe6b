import type { RuleStatus } from './enums';

/** One human-readable step of a computation. */
export interface ExplanationStep {
  label: string;
  formula?: string;
  value?: string | number | boolean | null;
}

/**
 * JSON-serialisable explanation attached to every computed figure.
 * `formula` has the numbers substituted, e.g. "2/12 × 100% × 12.5 = 2.083".
 */
export interface Explanation {
  ruleId: string;
  legalBasis: string;
  status?: RuleStatus;
  inputs: Record<string, unknown>;
  formula: string;
  steps?: ExplanationStep[];
}

export function explanation(e: Explanation): Explanation {
  // Drop undefined values so the object round-trips through JSON unchanged.
  return asJson(e, '') as Explanation;
}

/**
 * What JSON.parse(JSON.stringify(value)) returns, without the text in between (explanations are built
 * per computed figure: the round trip through a string was 4–5 % of the worker's CPU in a year-end close).
 * Same rules as JSON: toJSON() first; undefined, functions and symbols dropped from objects and null in
 * arrays; non-finite numbers null; -0 is 0; only own enumerable string keys.
 */
function asJson(value: unknown, key: string): unknown {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    v = (v as { toJSON(k: string): unknown }).toJSON(key);
  if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v + 0 : null;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object': {
      if (v === null) return null;
      if (Array.isArray(v)) return Array.from(v, (x: unknown, i) => asJson(x, String(i)) ?? null);
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) {
        const x = asJson((v as Record<string, unknown>)[k], k);
        if (x === undefined) continue;
        if (k === '__proto__')
          Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
        else out[k] = x;
      }
      return out;
    }
    default:
      return undefined; // undefined, function, symbol
  }
}
