import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import { SANCTION_CATALOGUE, type Sanction } from '../rules';

/** A sanction in force that blocks kenaikan pangkat and KGB. */
export interface BlockingSanction {
  caseId: string;
  sanction: string;
  level: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** A decided sanction as other features see it. */
export interface DecidedSanction {
  caseId: string;
  caseNumber: number;
  kind: string;
  sanction: string;
  level: string;
  labelId: string;
  status: string;
  decidedOn: string;
  effectiveFrom: string | null;
  /** Exclusive end; null = permanent or not yet effective. */
  effectiveTo: string | null;
  decisionRef: string | null;
}

const monthFirst = (m: string) => `${m}-01`;
function monthAfter(m: string): string {
  const [y, mm] = m.split('-').map(Number);
  return mm === 12 ? `${y + 1}-01-01` : `${y}-${String(mm + 1).padStart(2, '0')}-01`;
}

/** The rows of `sanctionsInPeriodJsonSql` (a json array), turned into `DecidedSanction`s by `decidedSanctionsOf`. */
export type SanctionsJson = (Omit<DecidedSanction, 'labelId' | 'sanction'> & { sanction: Sanction })[];

/**
 * Decided discipline/netralitas sanctions of an employee touching a period, as a json array (the order of
 * `sanctionsInPeriod`): decided in the period, or in effect in it. `from` is the period's first day and `to`
 * the day after it (SQL date expressions; `sanctionsPeriodBounds` gives them for months).
 */
export function sanctionsInPeriodJsonSql(emp: string, from: string, to: string): string {
  return `(SELECT COALESCE(json_agg(json_build_object('caseId', c.id, 'caseNumber', c.number::int, 'kind', c.kind,
               'sanction', c.decided_sanction, 'level', c.decided_level, 'status', c.status,
               'decidedOn', to_char(c.decided_on,'YYYY-MM-DD'), 'effectiveFrom', to_char(c.effective_from,'YYYY-MM-DD'),
               'effectiveTo', to_char(c.effective_to,'YYYY-MM-DD'), 'decisionRef', c.decision_ref)
             ORDER BY c.decided_on, c.number), '[]'::json)
     FROM discipline_cases c
    WHERE c.employee_id = ${emp} AND c.decided_sanction IS NOT NULL AND c.status IN ('DECIDED','DELIVERED','EFFECTIVE','ENDED')
      AND ((c.decided_on >= ${from} AND c.decided_on < ${to})
           OR (c.effective_from IS NOT NULL AND c.effective_from < ${to} AND (c.effective_to IS NULL OR c.effective_to > ${from}))))`;
}

/** The `from` and `to` dates of `sanctionsInPeriodJsonSql` for a period of months. */
export function sanctionsPeriodBounds(fromMonth: string, toMonth: string): [string, string] {
  return [monthFirst(fromMonth), monthAfter(toMonth)];
}

export function decidedSanctionsOf(rows: SanctionsJson): DecidedSanction[] {
  return rows.map((r) => ({ ...r, labelId: SANCTION_CATALOGUE[r.sanction].labelId }));
}

/**
 * Read side of discipline for other features (credit eligibility, evaluation, reports). The sanctions
 * the allowance run reads are the rows of the table `discipline_sanctions`
 * (employee_id, sanction, level, effective_from, effective_to exclusive, case_id, allowance_cut).
 */
@Injectable()
export class DisciplineSanctionsReader extends BaseRepository {
  /** A SEDANG or BERAT sanction (incl. PTDH) in force on the date: kenaikan pangkat and KGB are blocked (03 §12.4–§12.5). */
  async promotionBlockingSanction(employeeId: string, onDate: string): Promise<BlockingSanction | null> {
    const rows: BlockingSanction[] = await this.db().query(
      `SELECT case_id AS "caseId", sanction, level, to_char(effective_from,'YYYY-MM-DD') AS "effectiveFrom", to_char(effective_to,'YYYY-MM-DD') AS "effectiveTo"
         FROM discipline_sanctions
        WHERE employee_id = $1 AND level IN ('SEDANG','BERAT','PTDH') AND effective_from <= $2::date AND (effective_to IS NULL OR effective_to > $2::date)
        ORDER BY effective_to DESC NULLS FIRST LIMIT 1`,
      [employeeId, onDate],
    );
    return rows[0] ?? null;
  }

  /** `promotionBlockingSanction` for many employees in one read (batch credit jobs). */
  async promotionBlockingSanctions(employeeIds: string[], onDate: string): Promise<Map<string, BlockingSanction>> {
    const rows: {
      employee_id: string;
      caseId: string;
      sanction: string;
      level: string;
      effectiveFrom: string;
      effectiveTo: string | null;
    }[] = await this.db().query(
      `SELECT DISTINCT ON (employee_id) employee_id, case_id AS "caseId", sanction, level,
              to_char(effective_from,'YYYY-MM-DD') AS "effectiveFrom", to_char(effective_to,'YYYY-MM-DD') AS "effectiveTo"
         FROM discipline_sanctions
        WHERE employee_id = ANY($1::uuid[]) AND level IN ('SEDANG','BERAT','PTDH') AND effective_from <= $2::date AND (effective_to IS NULL OR effective_to > $2::date)
        ORDER BY employee_id, effective_to DESC NULLS FIRST`,
      [employeeIds, onDate],
    );
    return new Map(rows.map(({ employee_id, ...s }) => [employee_id, s]));
  }

  /**
   * Sanctions that can move a kenaikan pangkat TMT (rule `kp.nextPeriod`, 04 §3.3): every sanction in effect
   * from `since` on (blocking and delay windows are at most 12 months), plus any that ends employment.
   */
  async kenaikanPangkatSanctions(
    employeeIds: string[],
    since: string,
  ): Promise<Map<string, { type: string; effectiveFrom: string; caseId: string }[]>> {
    const out = new Map<string, { type: string; effectiveFrom: string; caseId: string }[]>();
    if (employeeIds.length === 0) return out;
    const rows: { employee_id: string; type: string; effectiveFrom: string; caseId: string }[] = await this.db().query(
      `SELECT employee_id, sanction AS type, to_char(effective_from,'YYYY-MM-DD') AS "effectiveFrom", case_id AS "caseId"
         FROM discipline_sanctions
        WHERE employee_id = ANY($1::uuid[]) AND (effective_from >= $2::date OR sanction IN ('PTDH','PDHTAPS'))
        ORDER BY employee_id, effective_from`,
      [employeeIds, since],
    );
    for (const { employee_id, ...s } of rows) out.set(employee_id, [...(out.get(employee_id) ?? []), s]);
    return out;
  }

  /**
   * Sanctions for `computeAllowanceMonth({ sanctions })` of a month, per employee: every sanction that took
   * effect before the month ends and did not end well before it (the rules library decides the months cut).
   */
  async inForceForAllowances(
    employeeIds: string[],
    month: string,
  ): Promise<Map<string, { type: string; effectiveFrom: string; id: string }[]>> {
    const rows: { employee_id: string; sanction: string; effective_from: string; case_id: string }[] =
      await this.db().query(
        `SELECT employee_id, sanction, to_char(effective_from,'YYYY-MM-DD') AS effective_from, case_id FROM discipline_sanctions
        WHERE employee_id = ANY($1::uuid[]) AND effective_from < $2::date AND (effective_to IS NULL OR effective_to >= ($3::date - interval '2 months'))
        ORDER BY effective_from`,
        [employeeIds, monthAfter(month), monthFirst(month)],
      );
    const out = new Map<string, { type: string; effectiveFrom: string; id: string }[]>();
    for (const r of rows) {
      const list = out.get(r.employee_id) ?? [];
      list.push({ type: r.sanction, effectiveFrom: r.effective_from, id: r.case_id });
      out.set(r.employee_id, list);
    }
    return out;
  }

  /**
   * Decided discipline or netralitas sanctions touching the months [fromMonth, toMonth]: decided in the
   * period, or in force during it (decided and not dismissed).
   */
  async sanctionsInPeriod(employeeId: string, fromMonth: string, toMonth: string): Promise<DecidedSanction[]> {
    const rows: { sanctions: SanctionsJson }[] = await this.db().query(
      `SELECT ${sanctionsInPeriodJsonSql('$1::uuid', '$2::date', '$3::date')} AS sanctions`,
      [employeeId, ...sanctionsPeriodBounds(fromMonth, toMonth)],
    );
    return decidedSanctionsOf(rows[0].sanctions);
  }

  /** Records a PPK's justification for rating behaviour above a sanction in the period (in the caller's transaction). */
  async recordRatingJustification(j: {
    employeeId: string;
    subjectRef: string;
    fromMonth: string;
    toMonth: string;
    behaviorRating: string;
    caseIds: string[];
    justification: string;
    recordedBy: string;
  }): Promise<void> {
    await this.db().query(
      `INSERT INTO discipline_rating_justifications (employee_id, subject_ref, from_month, to_month, behavior_rating, case_ids, justification, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, $8)`,
      [j.employeeId, j.subjectRef, j.fromMonth, j.toMonth, j.behaviorRating, j.caseIds, j.justification, j.recordedBy],
    );
  }
}
