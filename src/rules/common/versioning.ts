import type { RuleStatus } from './enums';
import { RuleInputError } from './errors';
import { parseDate } from './dates';

/** One effective-dated version of a rule table. `effectiveTo` is exclusive; null = open-ended. */
export interface RuleTableVersion<T> {
  id: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string;
  status: RuleStatus;
  data: T;
}

export type RuleTable<T> = readonly RuleTableVersion<T>[];

/**
 * Picks the version in force on `onDate` (YYYY-MM-DD). Without a date the latest version
 * (greatest effectiveFrom) is used. Throws RuleInputError when no version applies.
 */
export function selectVersion<T>(table: RuleTable<T>, onDate?: string): RuleTableVersion<T> {
  if (table.length === 0) throw new RuleInputError('rule table is empty');
  if (onDate === undefined) {
    return [...table].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  }
  parseDate(onDate, 'onDate');
  const hit = table.filter((v) => v.effectiveFrom <= onDate && (v.effectiveTo === null || onDate < v.effectiveTo));
  if (hit.length === 0) {
    throw new RuleInputError(
      `no rule-table version in force on ${onDate} (versions: ${table.map((v) => `${v.id} ${v.effectiveFrom}..${v.effectiveTo ?? '∞'}`).join(', ')})`,
    );
  }
  if (hit.length > 1)
    throw new RuleInputError(`overlapping rule-table versions on ${onDate}: ${hit.map((v) => v.id).join(', ')}`);
  return hit[0];
}
