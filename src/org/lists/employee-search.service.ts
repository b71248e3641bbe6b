import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/api-error';
import { Clock } from '../../common/clock';
import { Cursor } from '../../common/pagination';
import { EmployeeListQuery, EmployeePageDto } from './employee-list.dto';

/** `%`, `_` and `\` are LIKE wildcards: a name typed by a person matches literally. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * GET /employees: the roster as of a date, searched by name (trigram index: employees_name_trgm_idx)
 * or NIP prefix (a range on the unique NIP btree), filtered by unit subtree, status, position kind
 * and jenjang; keyset-paged by NIP so page n costs the same as page 1.
 */
@Injectable()
export class EmployeeSearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(q: EmployeeListQuery): Promise<EmployeePageDto> {
    const limit = q.limit ?? 100;
    const after = Cursor.decode(q.after);
    const on = q.on ?? this.clock.today();
    const params: unknown[] = [on];
    const where: string[] = [];
    if (q.q) {
      if (/^\d{1,18}$/.test(q.q)) {
        where.push(`e.nip BETWEEN $${params.push(q.q.padEnd(18, '0'))} AND $${params.push(q.q.padEnd(18, '9'))}`);
      } else {
        where.push(`e.name ILIKE $${params.push(`%${likeLiteral(q.q)}%`)}`);
      }
    }
    if (q.status) where.push(`e.status = $${params.push(q.status)}`);
    if (q.kind) where.push(`a.position_kind = $${params.push(q.kind)}`);
    if (q.jenjang) where.push(`a.jenjang = $${params.push(q.jenjang)}`);
    if (q.unitCode) {
      const unit: { id: string }[] = await this.dataSource.query(`SELECT id FROM units WHERE code = $1`, [q.unitCode]);
      if (!unit[0]) throw notFound('Unit');
      where.push(
        `a.unit_id IN (WITH RECURSIVE t AS (SELECT $${params.push(unit[0].id)}::uuid AS id UNION ALL SELECT u.id FROM units u JOIN t ON u.parent_id = t.id) SELECT id FROM t)`,
      );
    }
    if (after) where.push(`e.nip > $${params.push(String(after[0]))}`);
    const rows: (Omit<EmployeePageDto['items'][number], 'isUnitHead'> & { isUnitHead: boolean | null })[] =
      await this.dataSource.query(
        `SELECT e.nip, e.name, e.status, u.code AS "unitCode", u.name AS "unitName", a.position_title AS "positionTitle",
              a.position_kind AS "positionKind", a.jenjang, a.golongan, a.kelas_jabatan AS "kelasJabatan", a.is_unit_head AS "isUnitHead"
         FROM employees e
         LEFT JOIN employee_assignments a ON a.employee_id = e.id AND a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to > $1::date)
         LEFT JOIN units u ON u.id = a.unit_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.nip LIMIT ${limit + 1}`,
        params,
      );
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map((r) => ({ ...r, isUnitHead: r.isUnitHead === true }));
    return { items, nextCursor: more ? Cursor.encode([items[items.length - 1].nip]) : null };
  }
}
