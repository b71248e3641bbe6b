import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

export interface GapRow {
  id: string;
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
}

export interface EmployeeSearchFilter {
  on: string;
  q?: string;
  status?: string;
  kind?: string;
  jenjang?: string;
  /** The unit subtree to search in (from OrgDirectory), when filtered by unit. */
  unitIds?: string[];
  afterNip?: string;
  limit: number;
}

export interface EmployeeSearchRow {
  nip: string;
  name: string;
  status: string;
  unitCode: string | null;
  unitName: string | null;
  positionTitle: string | null;
  positionKind: string | null;
  jenjang: string | null;
  golongan: string | null;
  kelasJabatan: number | null;
  isUnitHead: boolean | null;
}

/** `%`, `_` and `\\` are LIKE wildcards: a name typed by a person matches literally. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The office's lists over employees and their assignments (GET /employees, GET /units/{code}/gaps). */
@Injectable()
export class OrgListsRepository extends BaseRepository {
  search(f: EmployeeSearchFilter): Promise<EmployeeSearchRow[]> {
    const params: unknown[] = [f.on];
    const where: string[] = [];
    if (f.q) {
      if (/^\d{1,18}$/.test(f.q)) {
        where.push(`e.nip BETWEEN $${params.push(f.q.padEnd(18, '0'))} AND $${params.push(f.q.padEnd(18, '9'))}`);
      } else {
        where.push(`e.name ILIKE $${params.push(`%${likeLiteral(f.q)}%`)}`);
      }
    }
    if (f.status) where.push(`e.status = $${params.push(f.status)}`);
    if (f.kind) where.push(`a.position_kind = $${params.push(f.kind)}`);
    if (f.jenjang) where.push(`a.jenjang = $${params.push(f.jenjang)}`);
    if (f.unitIds) where.push(`a.unit_id = ANY($${params.push(f.unitIds)}::uuid[])`);
    if (f.afterNip !== undefined) where.push(`e.nip > $${params.push(f.afterNip)}`);
    return this.db().query(
      `SELECT e.nip, e.name, e.status, u.code AS "unitCode", u.name AS "unitName", a.position_title AS "positionTitle",
              a.position_kind AS "positionKind", a.jenjang, a.golongan, a.kelas_jabatan AS "kelasJabatan", a.is_unit_head AS "isUnitHead"
         FROM employees e
         LEFT JOIN employee_assignments a ON a.employee_id = e.id AND a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to > $1::date)
         LEFT JOIN units u ON u.id = a.unit_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.nip LIMIT ${f.limit + 1}`,
      params,
    );
  }

  /** Everyone placed in the units on the date, with their PPK standing (one row each). */
  gaps(unitIds: string[], on: string): Promise<GapRow[]> {
    return this.db().query(
      `WITH emp AS (
       SELECT e.id, e.nip, e.name, u.code AS unit_code, a.position_title, a.position_kind, a.jenjang, ppk_on(e.id, $2::date) AS ppk_id,
              EXISTS (SELECT 1 FROM ppk_delegations d WHERE d.employee_id = e.id AND d.valid_from <= $2::date AND (d.valid_to IS NULL OR d.valid_to >= $2::date)) AS delegated
         FROM employee_assignments a JOIN employees e ON e.id = a.employee_id JOIN units u ON u.id = a.unit_id
        WHERE a.unit_id = ANY($1::uuid[]) AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date))
     SELECT emp.id, emp.nip, emp.name, emp.unit_code, emp.position_title, emp.position_kind, emp.jenjang, emp.delegated,
            p.nip AS ppk_nip, pa.position_kind AS ppk_kind, (pa.id IS NOT NULL) AS ppk_in_service
       FROM emp
       LEFT JOIN employees p ON p.id = emp.ppk_id
       LEFT JOIN employee_assignments pa ON pa.employee_id = emp.ppk_id AND pa.valid_from <= $2::date AND (pa.valid_to IS NULL OR pa.valid_to > $2::date)
      ORDER BY emp.nip`,
      [unitIds, on],
    );
  }
}
