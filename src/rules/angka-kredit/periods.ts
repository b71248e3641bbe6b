import type { AkBasis } from '../common/enums';
import { describe } from '../common/decimal';
import { RuleInputError } from '../common/errors';

export interface ParsedPeriod {
  period: string;
  basis: AkBasis;
  year: number;
  /** Month indices (year × 12 + month − 1), inclusive. */
  fromMonth: number;
  toMonth: number;
}

const ANNUAL = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** "2024" → TAHUNAN Jan–Dec; "2024-Q2" → PERIODIK Apr–Jun; "2024-05" → PERIODIK May (02 PR-1, PR-2). */
export function parsePeriod(value: unknown, field: string): ParsedPeriod {
  if (typeof value !== 'string')
    throw new RuleInputError(`must be a period ("2024", "2024-Q1" or "2024-01"), got ${describe(value)}`, field);
  let m = ANNUAL.exec(value);
  if (m) {
    const y = Number(m[1]);
    return { period: value, basis: 'TAHUNAN', year: y, fromMonth: y * 12, toMonth: y * 12 + 11 };
  }
  m = QUARTER.exec(value);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return {
      period: value,
      basis: 'PERIODIK',
      year: y,
      fromMonth: y * 12 + (q - 1) * 3,
      toMonth: y * 12 + (q - 1) * 3 + 2,
    };
  }
  m = MONTH.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo >= 1 && mo <= 12)
      return { period: value, basis: 'PERIODIK', year: y, fromMonth: y * 12 + mo - 1, toMonth: y * 12 + mo - 1 };
  }
  throw new RuleInputError(`must be a period ("2024", "2024-Q1" or "2024-01"), got "${value}"`, field);
}
