/** Recursive partial, used for caller overrides of the default config objects. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Merges overrides into defaults: plain objects merge key by key, everything else
 * (arrays, tables, scalars) is replaced. Neither argument is mutated.
 */
export function mergeConfig<T>(defaults: T, overrides?: DeepPartial<NoInfer<T>>): T {
  if (overrides === undefined || overrides === null) return defaults;
  if (!isPlainObject(defaults) || !isPlainObject(overrides)) return overrides as T;
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) continue;
    out[k] = isPlainObject(out[k]) && isPlainObject(v) ? mergeConfig(out[k], v as never) : v;
  }
  return out as T;
}
