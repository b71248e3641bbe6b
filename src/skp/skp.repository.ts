import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import { SkpTransitionEntity } from './entities/skp-transition.entity';
import { SkpEntity } from './entities/skp.entity';
import type { SkpStatus } from './skp.enums';

/**
 * The DEFINITIVE SKP of a year of an employee (of a split year the latest, spec 04 §1) as a LATERAL subquery for a reader that
 * joins it in its own statement (the team list): columns `id` and `status`, the json object
 * `{ id, status, rejectionReason, updatedAt }` the team list shows.
 */
export function skpOfYearSql(employeeId: string, year: string): string {
  return `(SELECT s.id, json_build_object('id', s.id, 'status', s.status, 'rejectionReason', s.rejection_reason,
                    'updatedAt', to_char(s.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS status
             FROM skp s WHERE s.employee_id = ${employeeId} AND s.year = ${year} AND s.kind = 'DEFINITIVE'
            ORDER BY s.period_start DESC LIMIT 1)`;
}

/** The DEFINITIVE SKP in force on a date: its status and, once approved, its UTAMA results linked to nothing. */
export interface SkpStandingRow {
  employeeId: string;
  status: SkpStatus;
  unlinked: number;
}

/** `skp`, `skp_results` and `skp_transitions`: the lookups the SKP workflow and its readers share. */
@Injectable()
export class SkpRepository extends BaseRepository {
  /** Inserts or updates the SKP row (TypeORM save: the saved entity with its generated columns). */
  save(skp: Partial<SkpEntity>): Promise<SkpEntity> {
    return this.db()
      .getRepository(SkpEntity)
      .save(skp as SkpEntity);
  }

  async insertTransition(t: {
    skpId: string;
    from: string | null;
    to: string;
    action: string;
    actor: string;
    reason: string | null;
  }): Promise<void> {
    await this.db().getRepository(SkpTransitionEntity).insert({
      skpId: t.skpId,
      fromStatus: t.from,
      toStatus: t.to,
      action: t.action,
      actor: t.actor,
      reason: t.reason,
    });
  }

  /** 01 §3.4: an approved JA/JF SKP whose UTAMA results have no parent result intervenes nothing yet. */
  standingOn(employeeIds: string[], year: number, on: string): Promise<SkpStandingRow[]> {
    return this.db().query(
      `SELECT s.employee_id AS "employeeId", s.status,
              CASE WHEN s.status = 'APPROVED' AND s.form_type = 'JA_JF'
                   THEN (SELECT count(*) FROM skp_results r WHERE r.skp_id = s.id AND r.kind = 'UTAMA' AND r.parent_result_id IS NULL)
                   ELSE 0 END::int AS unlinked
         FROM skp s
        WHERE s.employee_id = ANY($1::uuid[]) AND s.year = $2 AND s.kind = 'DEFINITIVE'
          AND s.period_start <= $3::date AND s.period_end >= $3::date`,
      [employeeIds, year, on],
    );
  }

  /** Ids of the employee's DEFINITIVE SKPs (every year). */
  async definitiveIdsOf(employeeId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db().query(
      `SELECT id FROM skp WHERE employee_id = $1 AND kind = 'DEFINITIVE'`,
      [employeeId],
    );
    return rows.map((r) => r.id);
  }

  async ownerOf(skpId: string): Promise<string | null> {
    const rows: { employee_id: string }[] = await this.db().query(`SELECT employee_id FROM skp WHERE id = $1`, [skpId]);
    return rows[0]?.employee_id ?? null;
  }

  /** The PPK's APPROVED SKP of the year, if any (the results subordinates cascade from). */
  async approvedSkpId(employeeId: string, year: number): Promise<string | null> {
    const rows: { id: string }[] = await this.db().query(
      `SELECT id FROM skp WHERE employee_id = $1 AND year = $2 AND status = 'APPROVED' ORDER BY kind = 'ACTING', period_start DESC`,
      [employeeId, year],
    );
    return rows[0]?.id ?? null;
  }

  /** Of these result ids, those that belong to the SKP. */
  async resultIdsOf(skpId: string, ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db().query(
      `SELECT id FROM skp_results WHERE skp_id = $1 AND id = ANY($2::uuid[])`,
      [skpId, ids],
    );
    return rows.map((r) => r.id);
  }

  /** A system CLOSE (an employee event ended the SKP's period). */
  async recordClosed(skpId: string, reason: string): Promise<void> {
    await this.db().query(
      `INSERT INTO skp_transitions (skp_id, from_status, to_status, action, actor, reason) VALUES ($1, 'APPROVED', 'CLOSED', 'CLOSE', 'system', $2)`,
      [skpId, reason],
    );
  }
}
