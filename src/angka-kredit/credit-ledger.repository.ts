import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { EducationRow, OpeningRow } from './credit-facts';

type WithEmployee<T> = T & { employee_id: string };

/** A ledger row to write: the figures of one computation (`result` is stored as jsonb). */
export interface LedgerWrite {
  employeeId: string;
  version: number;
  jenjang: string;
  golongan: string;
  balance: string;
  hash: string;
  result: unknown;
  cause: string;
}

/**
 * The angka kredit feature's tables (`ak_openings`, `ak_education`, `ak_ledgers`, `ak_ledger_history`); the
 * career and the predikat come from the org and evaluation read ports. Every read takes many employees at
 * once (one statement per table).
 */
@Injectable()
export class CreditLedgerRepository extends BaseRepository {
  async openings(ids: string[]): Promise<WithEmployee<OpeningRow>[]> {
    return this.db().query(
      `SELECT employee_id, kind, conventional_total::text, amount::text, jenjang, explanation FROM ak_openings WHERE employee_id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async education(ids: string[]): Promise<WithEmployee<EducationRow>[]> {
    return this.db().query(
      `SELECT employee_id, degree, to_char(awarded_on,'YYYY-MM-DD') AS awarded_on FROM ak_education WHERE employee_id = ANY($1::uuid[]) ORDER BY employee_id, awarded_on`,
      [ids],
    );
  }

  async storedVersion(employeeId: string): Promise<number | null> {
    const rows: { version: number }[] = await this.db().query(`SELECT version FROM ak_ledgers WHERE employee_id = $1`, [
      employeeId,
    ]);
    return rows[0]?.version ?? null;
  }

  /** Locks and reads the stored versions (employee_id order, so concurrent batches never deadlock). */
  async lockLedgers(ids: string[]): Promise<Map<string, { version: number; figures_hash: string }>> {
    const rows: { employee_id: string; version: number; figures_hash: string }[] = await this.db().query(
      `SELECT employee_id, version, figures_hash FROM ak_ledgers WHERE employee_id = ANY($1::uuid[]) ORDER BY employee_id FOR UPDATE`,
      [[...ids].sort()],
    );
    return new Map(rows.map((r) => [r.employee_id, r]));
  }

  /**
   * Upserts the ledgers and appends their history rows in one statement, whatever the count. The rows travel
   * once, as one jsonb array: a year-end batch's results (~3.5 KB each) sent as two text arrays were the
   * worker's largest statements (array escaping, then socket writes, both per byte). The result is stored
   * once, in the history row of its version; `ak_ledgers` holds the current version's figures.
   */
  async writeLedgers(rows: LedgerWrite[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db().query(
      `WITH t AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb)
           AS t("employeeId" uuid, version int, jenjang text, golongan text, balance numeric, hash text, result jsonb, cause text)
       ), ledgers AS (
         INSERT INTO ak_ledgers (employee_id, version, jenjang, golongan, balance, figures_hash, computed_at)
         SELECT "employeeId", version, jenjang, golongan, balance, hash, now() FROM t
         ON CONFLICT (employee_id) DO UPDATE SET version = EXCLUDED.version, jenjang = EXCLUDED.jenjang, golongan = EXCLUDED.golongan,
           balance = EXCLUDED.balance, figures_hash = EXCLUDED.figures_hash, computed_at = now()
       )
       INSERT INTO ak_ledger_history (employee_id, version, balance, result, cause)
       SELECT "employeeId", version, balance, result, cause FROM t`,
      [JSON.stringify(rows)],
    );
  }

  /** Adds an opening entry; null when the jenjang already has one (ak_openings_once). */
  async insertOpening(o: {
    employeeId: string;
    kind: string;
    conventionalTotal: string | null;
    jenjang: string;
    golongan: string;
    amount: string;
    inputs?: unknown;
    explanation?: unknown;
  }): Promise<string | null> {
    const rows: { id: string }[] = await this.db().query(
      `INSERT INTO ak_openings (employee_id, kind, conventional_total, jenjang, golongan, amount, inputs, explanation) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (employee_id, jenjang) DO NOTHING RETURNING id`,
      [
        o.employeeId,
        o.kind,
        o.conventionalTotal,
        o.jenjang,
        o.golongan,
        o.amount,
        o.inputs === undefined ? null : JSON.stringify(o.inputs),
        o.explanation ? JSON.stringify(o.explanation) : null,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** Adds a degree entry; null when that degree was already credited. */
  async insertEducation(employeeId: string, degree: string, awardedOn: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db().query(
      `INSERT INTO ak_education (employee_id, degree, awarded_on) VALUES ($1,$2,$3) ON CONFLICT (employee_id, degree) DO NOTHING RETURNING id`,
      [employeeId, degree, awardedOn],
    );
    return rows[0]?.id ?? null;
  }
}
