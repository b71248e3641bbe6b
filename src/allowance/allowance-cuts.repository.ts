import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

/** A computed line of a month paid below 100 % (predikat, discipline or status deduction). */
export interface AllowanceCutLine {
  employee_id: string;
  nip: string;
  /** `code@version` of the rule set the line was computed with. */
  rule_set: string | null;
  /** The rule set version's legal references: the basis an outcome cites. */
  legal_refs: string[] | null;
  deductions: { code: string; amount: number; reason?: string }[];
}

/**
 * Published read port of the allowance feature: the lines of a (closed) month that carry a PREDIKAT, HUKDIS
 * or STATUS deduction, in NIP keyset pages, for the outcomes derived when the month closes.
 */
@Injectable()
export class AllowanceCutsReader extends BaseRepository {
  /** Up to `limit` such lines with NIP after `afterNip` (empty string: from the start), NIP order. */
  cutLines(month: string, afterNip: string, limit: number): Promise<AllowanceCutLine[]> {
    return this.db().query(
      `SELECT l.employee_id, l.nip, l.rule_set, rs.body->'legalRefs' AS legal_refs, l.deductions FROM allowance_lines l
         LEFT JOIN allowance_rule_sets rs ON rs.code || '@' || rs.version = l.rule_set
        WHERE l.month = $1 AND l.status = 'COMPUTED' AND l.nip > $2
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(l.deductions::jsonb) d WHERE d->>'code' IN ('PREDIKAT','HUKDIS','STATUS') AND (d->>'amount')::bigint > 0)
        ORDER BY l.nip LIMIT $3`,
      [month, afterNip, limit],
    );
  }
}
