import { fieldName, ImportError, ImportFormat, ImportRow } from './import-rows.util';

/** A supervision chain must end: A → B → A would leave both without a usable PPK chain. */
export function findSupervisionCycles(
  rows: ImportRow[],
  dbSupervisors: Map<string, string>,
  format: ImportFormat,
  errors: ImportError[],
): void {
  const sup = new Map(dbSupervisors);
  const rowOf = new Map<string, ImportRow>();
  for (const r of rows) {
    rowOf.set(r.nip, r);
    if (r.supervisorNip) sup.set(r.nip, r.supervisorNip);
    else sup.delete(r.nip);
  }
  const state = new Map<string, 1 | 2>();
  for (const r of rows) {
    const path: string[] = [];
    let x: string | undefined = r.nip;
    while (x && !state.has(x)) {
      state.set(x, 1);
      path.push(x);
      x = sup.get(x);
    }
    if (x && state.get(x) === 1) {
      const cycle = path.slice(path.indexOf(x));
      for (const n of cycle) {
        const cr = rowOf.get(n);
        if (cr)
          errors.push({
            row: cr.row,
            field: fieldName('supervisorNip', format),
            problem: `rantai atasan melingkar / supervision cycle: ${[...cycle, cycle[0]].join(' → ')}`,
          });
      }
    }
    for (const n of path) state.set(n, 2);
  }
}
