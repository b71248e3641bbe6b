import { EntityManager } from 'typeorm';
import { RuleInputError, selectRuleSetVersion, type AllowanceRuleSet } from '../rules';
import { firstDay, lastDay, monthIndex } from './months';

export interface Resolution {
  code: string;
  via: 'UNIT' | 'ANCESTOR' | 'DEFAULT';
  unitCode: string | null;
}

/**
 * Rule-set resolution of the allowance feature (03 §11.1): an employee's unit → nearest ancestor with
 * an assignment → agency default; the version containing day 1 of the month. Loaded once per use.
 */
export async function loadRuleSetContext(m: EntityManager) {
  const [units, assignments, versions]: [
    { id: string; parent_id: string | null; code: string }[],
    { unit_id: string | null; code: string }[],
    { code: string; body: AllowanceRuleSet }[],
  ] = [
    await m.query(`SELECT id, parent_id, code FROM units`),
    await m.query(`SELECT unit_id, code FROM allowance_rule_set_assignments`),
    await m.query(`SELECT code, body FROM allowance_rule_sets ORDER BY code, version`),
  ];
  const unitById = new Map(units.map((u) => [u.id, u]));
  const byUnit = new Map(assignments.filter((a) => a.unit_id).map((a) => [a.unit_id!, a.code]));
  const defaultCode = assignments.find((a) => a.unit_id === null)?.code ?? null;
  const versionMap = new Map<string, AllowanceRuleSet[]>();
  for (const v of versions) versionMap.set(v.code, [...(versionMap.get(v.code) ?? []), v.body]);
  const cache = new Map<string, Resolution | null>();
  return {
    versions: versionMap,
    unitCode: (unitId: string) => unitById.get(unitId)?.code ?? null,
    resolve(unitId: string): Resolution | null {
      if (cache.has(unitId)) return cache.get(unitId)!;
      let result: Resolution | null = null;
      const seen = new Set<string>();
      for (
        let u = unitById.get(unitId);
        u && !seen.has(u.id);
        u = u.parent_id ? unitById.get(u.parent_id) : undefined
      ) {
        seen.add(u.id);
        const code = byUnit.get(u.id);
        if (code) {
          result = { code, via: u.id === unitId ? 'UNIT' : 'ANCESTOR', unitCode: u.code };
          break;
        }
      }
      if (!result && defaultCode) result = { code: defaultCode, via: 'DEFAULT', unitCode: null };
      cache.set(unitId, result);
      return result;
    },
  };
}

/**
 * Published reader for other features: the rule set (version of `month`) that governs each employee's
 * allowance, or null (no rule set / no version). Set-based: one read of assignments and versions.
 */
export async function ruleSetsForEmployees(
  m: EntityManager,
  employeeIds: string[],
  month: string,
): Promise<Map<string, AllowanceRuleSet | null>> {
  const out = new Map<string, AllowanceRuleSet | null>();
  if (employeeIds.length === 0) return out;
  const rows: { employee_id: string; unit_id: string }[] = await m.query(
    `SELECT DISTINCT ON (employee_id) employee_id, unit_id FROM employee_assignments
      WHERE employee_id = ANY($1::uuid[]) AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to > $2::date)
      ORDER BY employee_id, valid_from DESC`,
    [employeeIds, firstDay(month), lastDay(month)],
  );
  const ctx = await loadRuleSetContext(m);
  for (const r of rows) {
    const res = ctx.resolve(r.unit_id);
    let rs: AllowanceRuleSet | null = null;
    if (res) {
      try {
        rs = selectRuleSetVersion(ctx.versions.get(res.code) ?? [], monthIndex(month));
      } catch (err) {
        if (!(err instanceof RuleInputError)) throw err;
      }
    }
    out.set(r.employee_id, rs);
  }
  return out;
}
