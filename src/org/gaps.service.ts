import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../common/api-error';
import { Clock } from '../common/clock';
import { Cursor, Page } from '../common/pagination';
import { GapsQuery } from './dto/gaps.dto';
import { Gap, ppkGaps, unlinkedMessage } from './ppk-rules';

export interface GapItem {
  nip: string;
  name: string;
  unitCode: string;
  positionTitle: string;
  positionKind: string;
  ppkNip: string | null;
  ppkDelegated: boolean;
  skpStatus: string | null;
  reasons: Gap[];
}

export interface GapsReport extends Page<GapItem> {
  unitCode: string;
  on: string;
  year: number;
  /** employees of the unit subtree on the date */
  population: number;
  /** of which with at least one gap */
  withGaps: number;
}

interface Row {
  nip: string;
  name: string;
  unit_code: string;
  position_title: string;
  position_kind: string;
  jenjang: string | null;
  ppk_nip: string | null;
  delegated: boolean;
  ppk_in_service: boolean;
  ppk_kind: string | null;
  skp_status: string | null;
  unlinked: number;
}

/** GET /units/{code}/gaps: who in a unit subtree cannot be planned/rated as things stand on a date. */
@Injectable()
export class GapsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async report(code: string, q: GapsQuery): Promise<GapsReport> {
    const unit: { id: string }[] = await this.dataSource.query(`SELECT id FROM units WHERE code = $1`, [code]);
    if (!unit[0]) throw notFound('Unit');
    const on = q.on ?? this.clock.today();
    const year = q.year ?? Number(on.slice(0, 4));
    const rows: Row[] = await this.dataSource.query(
      `WITH RECURSIVE sub AS (SELECT id FROM units WHERE id = $1 UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id),
       emp AS (
         SELECT e.id, e.nip, e.name, u.code AS unit_code, a.position_title, a.position_kind, a.jenjang, ppk_on(e.id, $2::date) AS ppk_id,
                EXISTS (SELECT 1 FROM ppk_delegations d WHERE d.employee_id = e.id AND d.valid_from <= $2::date AND (d.valid_to IS NULL OR d.valid_to >= $2::date)) AS delegated
           FROM employee_assignments a JOIN employees e ON e.id = a.employee_id JOIN units u ON u.id = a.unit_id
          WHERE a.unit_id IN (SELECT id FROM sub) AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date))
       SELECT emp.nip, emp.name, emp.unit_code, emp.position_title, emp.position_kind, emp.jenjang, emp.delegated,
              p.nip AS ppk_nip, pa.position_kind AS ppk_kind, (pa.id IS NOT NULL) AS ppk_in_service, s.status AS skp_status,
              CASE WHEN s.status = 'APPROVED' AND s.form_type = 'JA_JF'
                   THEN (SELECT count(*) FROM skp_results r WHERE r.skp_id = s.id AND r.kind = 'UTAMA' AND r.parent_result_id IS NULL)
                   ELSE 0 END::int AS unlinked
         FROM emp
         LEFT JOIN employees p ON p.id = emp.ppk_id
         LEFT JOIN employee_assignments pa ON pa.employee_id = emp.ppk_id AND pa.valid_from <= $2::date AND (pa.valid_to IS NULL OR pa.valid_to > $2::date)
         LEFT JOIN skp s ON s.employee_id = emp.id AND s.year = $3 AND s.kind = 'DEFINITIVE' AND s.period_start <= $2::date AND s.period_end >= $2::date
        ORDER BY emp.nip`,
      [unit[0].id, on, year],
    );
    const all: GapItem[] = [];
    for (const r of rows) {
      const reasons = ppkGaps(
        {
          nip: r.nip,
          positionKind: r.position_kind,
          jenjang: r.jenjang,
          ppkNip: r.ppk_nip,
          delegated: r.delegated,
          ppkInService: r.ppk_in_service,
          ppkKind: r.ppk_kind,
        },
        on,
      );
      if (!r.skp_status) reasons.push({ code: 'NO_SKP', message: `Belum ada SKP tahun ${year} / no SKP for ${year}` });
      // 01 §3.4: approved while the PPK had no approved SKP, its UTAMA results intervene nothing yet.
      if (r.unlinked > 0) reasons.push({ code: 'UNLINKED_RESULTS', message: unlinkedMessage(r.unlinked) });
      if (reasons.length === 0) continue;
      all.push({
        nip: r.nip,
        name: r.name,
        unitCode: r.unit_code,
        positionTitle: r.position_title,
        positionKind: r.position_kind,
        ppkNip: r.ppk_nip,
        ppkDelegated: r.delegated,
        skpStatus: r.skp_status,
        reasons,
      });
    }
    const limit = q.limit ?? 100;
    const after = Cursor.decode(q.after);
    const start = after ? all.findIndex((g) => g.nip > String(after[0])) : 0;
    const from = start < 0 ? all.length : start;
    const items = all.slice(from, from + limit);
    const more = from + limit < all.length;
    return {
      unitCode: code,
      on,
      year,
      population: rows.length,
      withGaps: all.length,
      items,
      nextCursor: more ? Cursor.encode([items[items.length - 1].nip]) : null,
    };
  }
}
