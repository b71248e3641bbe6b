import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/domain-errors';
import { entityColumnsSql, entityFromRow } from '../database/entity-rows';
import { BaseRepository } from '../database/transaction';
import { SkpEntity } from './entities/skp.entity';
import { contentColumnsSql, sortedContent, type SkpContent } from './skp-content.repository';

export interface SegmentRow {
  id: string;
  kind: 'DEFINITIVE' | 'ACTING';
  status: string;
  periodStart: string;
  periodEnd: string;
  delegationId: string | null;
}

const SEGMENT_COLUMNS = `id, kind, status, to_char(period_start,'YYYY-MM-DD') AS "periodStart",
  to_char(period_end,'YYYY-MM-DD') AS "periodEnd", delegation_id AS "delegationId"`;

/** Whether a path id can be an SKP id at all (anything else is a 404 without a read). */
export function isSkpId(id: string): boolean {
  return /^[0-9a-f-]{36}$/i.test(id);
}

/** A row of `skpWithSegmentsSql`. */
export type SkpWithSegmentsRow = Record<string, unknown> & { segments: SegmentRow[] } & SkpContent;

/**
 * The read of `withSegmentsOfYear` as one SELECT (for a statement that reads more with it): the SKP's columns
 * (plain SQL, no query builder or entity hydration: this read is on every evaluation step and view), its
 * employee's SKPs of the year as `segments` and, when asked, the content. `idSql` is an SQL expression (a
 * placeholder such as `$1`), never a value. `skpWithSegmentsOf` reads the row.
 */
export function skpWithSegmentsSql(idSql: string, withContent: boolean): string {
  return `SELECT ${entityColumnsSql(SkpEntity, 's')},
              (SELECT json_agg(json_build_object('id', x.id, 'kind', x.kind, 'status', x.status,
                   'periodStart', to_char(x.period_start,'YYYY-MM-DD'), 'periodEnd', to_char(x.period_end,'YYYY-MM-DD'),
                   'delegationId', x.delegation_id) ORDER BY x.period_start, (x.kind = 'ACTING'), x.created_at)
                 FROM skp x WHERE x.employee_id = s.employee_id AND x.year = s.year) AS segments
              ${withContent ? `, ${contentColumnsSql('s.id')}` : ''}
         FROM skp s WHERE s.id = ${idSql}`;
}

export function skpWithSegmentsOf(
  r: SkpWithSegmentsRow,
  withContent: boolean,
): { skp: SkpEntity; segments: SegmentRow[]; content: SkpContent | null } {
  return { skp: entityFromRow(SkpEntity, r), segments: r.segments, content: withContent ? sortedContent(r) : null };
}

/** SQL of SKP segments (spec 04 §1): overlap checks, the SKP in force on a date, closing. */
@Injectable()
export class SkpSegmentsRepository extends BaseRepository {
  /**
   * An SKP (404 when unknown) with its employee's SKPs of the year (as `segmentsOfYear`) and, when asked,
   * its content (as `SkpContentRepository.content`), in one read.
   */
  async withSegmentsOfYear(
    id: string,
    withContent: boolean,
  ): Promise<{ skp: SkpEntity; segments: SegmentRow[]; content: SkpContent | null }> {
    if (!isSkpId(id)) throw new NotFoundError('SKP');
    const rows: SkpWithSegmentsRow[] = await this.db().query(skpWithSegmentsSql('$1', withContent), [id]);
    const r = rows.at(0);
    if (!r) throw new NotFoundError('SKP');
    return skpWithSegmentsOf(r, withContent);
  }

  /** The employee's SKPs of a year, by period start (DEFINITIVE before ACTING on the same day). */
  segmentsOfYear(employeeId: string, year: number): Promise<SegmentRow[]> {
    return this.db().query(
      `SELECT ${SEGMENT_COLUMNS} FROM skp WHERE employee_id = $1 AND year = $2
        ORDER BY period_start, (kind = 'ACTING'), created_at`,
      [employeeId, year],
    );
  }

  /** SKPs of a kind overlapping [from, to] (ACTING: of the same delegation). */
  async overlapping(
    employeeId: string,
    kind: 'DEFINITIVE' | 'ACTING',
    from: string,
    to: string,
    delegationId: string | null,
  ): Promise<SegmentRow | null> {
    const rows: SegmentRow[] = await this.db().query(
      `SELECT ${SEGMENT_COLUMNS} FROM skp
        WHERE employee_id = $1 AND kind = $2 AND period_start <= $4::date AND period_end >= $3::date
          AND ($2 = 'DEFINITIVE' OR delegation_id = $5) LIMIT 1`,
      [employeeId, kind, from, to, delegationId],
    );
    return rows[0] ?? null;
  }

  /** SKPs of a kind in force on a date (period contains it), locked. */
  inForce(employeeId: string, kind: 'DEFINITIVE' | 'ACTING', date: string): Promise<SegmentRow[]> {
    return this.db().query(
      `SELECT ${SEGMENT_COLUMNS} FROM skp
        WHERE employee_id = $1 AND kind = $2 AND period_start <= $3::date AND period_end >= $3::date
        ORDER BY period_start FOR UPDATE`,
      [employeeId, kind, date],
    );
  }

  /** Ends an SKP's period on `end`; an APPROVED one becomes CLOSED (a draft only gets the shorter period). */
  async close(id: string, end: string, event: string, now: Date): Promise<void> {
    await this.db().query(
      `UPDATE skp SET period_end = $2::date, closed_event = $3, closed_at = $4,
              status = CASE WHEN status = 'APPROVED' THEN 'CLOSED' ELSE status END,
              version = version + 1, updated_at = $4
        WHERE id = $1`,
      [id, end, event, now],
    );
  }
}
