import { Injectable } from '@nestjs/common';
import { OrgDirectory } from '../org/org-directory.service';
import { RuleInputError, selectRuleSetVersion, type AllowanceRuleSet } from '../rules';
import { firstDay, lastDay, monthIndex } from './months';
import { RuleSetsRepository } from './rule-sets.repository';

export interface Resolution {
  code: string;
  via: 'UNIT' | 'ANCESTOR' | 'DEFAULT';
  unitCode: string | null;
}

/** The unit tree, the assignments and every version, loaded once for many resolutions. */
export interface RuleSetContext {
  versions: Map<string, AllowanceRuleSet[]>;
  unitCode(unitId: string): string | null;
  resolve(unitId: string): Resolution | null;
}

/**
 * Rule-set resolution of the allowance feature (03 §11.1): an employee's unit → nearest ancestor with
 * an assignment → agency default; the version containing day 1 of the month. Also the feature's published
 * reader of the rule set that governs an employee's allowance (discipline reads `minutesPerTmkDay` from it).
 */
@Injectable()
export class RuleSetResolver {
  constructor(
    private readonly ruleSets: RuleSetsRepository,
    private readonly org: OrgDirectory,
  ) {}

  /** Three reads (units from the org directory, assignments, versions), whatever the number of employees. */
  async context(): Promise<RuleSetContext> {
    const units = await this.org.allUnits();
    const assignments = await this.ruleSets.assignments();
    const versions = await this.ruleSets.allVersions();
    const unitById = new Map(units.map((u) => [u.id, u]));
    const byUnit = new Map<string, string>();
    for (const a of assignments) if (a.unit_id !== null) byUnit.set(a.unit_id, a.code);
    const defaultCode = assignments.find((a) => a.unit_id === null)?.code ?? null;
    const versionMap = new Map<string, AllowanceRuleSet[]>();
    for (const v of versions) versionMap.set(v.code, [...(versionMap.get(v.code) ?? []), v.body]);
    const cache = new Map<string, Resolution | null>();
    return {
      versions: versionMap,
      unitCode: (unitId: string) => unitById.get(unitId)?.code ?? null,
      resolve(unitId: string): Resolution | null {
        const cached = cache.get(unitId);
        if (cached !== undefined) return cached;
        let result: Resolution | null = null;
        const seen = new Set<string>();
        for (
          let u = unitById.get(unitId);
          u && !seen.has(u.id);
          u = u.parentId ? unitById.get(u.parentId) : undefined
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
   * The rule set (version of `month`) that governs each employee's allowance, or null (no rule set / no
   * version). Set-based: the unit of each employee's latest post in the month, then one context.
   */
  async forEmployees(employeeIds: string[], month: string): Promise<Map<string, AllowanceRuleSet | null>> {
    const out = new Map<string, AllowanceRuleSet | null>();
    if (employeeIds.length === 0) return out;
    const units = await this.org.unitsInPeriod(employeeIds, firstDay(month), lastDay(month));
    const ctx = await this.context();
    for (const [employeeId, unitId] of units) {
      const res = ctx.resolve(unitId);
      let rs: AllowanceRuleSet | null = null;
      if (res) {
        try {
          rs = selectRuleSetVersion(ctx.versions.get(res.code) ?? [], monthIndex(month));
        } catch (err) {
          if (!(err instanceof RuleInputError)) throw err;
        }
      }
      out.set(employeeId, rs);
    }
    return out;
  }
}
