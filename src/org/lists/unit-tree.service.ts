import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { Cursor } from '../../common/pagination';
import { UnitTreePageDto, UnitTreeQuery } from './unit-tree.dto';

interface Row {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  parent_code: string | null;
  depth: number;
  path: string[];
  head_nip: string | null;
  head_name: string | null;
  head_title: string | null;
  own: number;
  children: number;
}

/**
 * GET /units: the organisation tree depth-first, each unit with its head and head counts on a date.
 * Units are few (hundreds to a few thousand for a province); the tree and counts are one query, the
 * subtree totals are added up in memory, and pages are cut by the depth-first path.
 */
@Injectable()
export class UnitTreeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async tree(q: UnitTreeQuery): Promise<UnitTreePageDto> {
    const on = q.on ?? this.clock.today();
    const rows: Row[] = await this.dataSource.query(
      `WITH RECURSIVE t AS (
         SELECT u.id, u.code, u.name, u.parent_id, 0 AS depth, ARRAY[u.code::text] AS path FROM units u WHERE u.parent_id IS NULL
         UNION ALL SELECT u.id, u.code, u.name, u.parent_id, t.depth + 1, t.path || u.code::text FROM units u JOIN t ON u.parent_id = t.id),
       placed AS (
         SELECT a.unit_id, count(*)::int AS n FROM employee_assignments a
          WHERE a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to > $1::date) GROUP BY a.unit_id),
       heads AS (
         SELECT DISTINCT ON (a.unit_id) a.unit_id, e.nip, e.name, a.position_title FROM employee_assignments a JOIN employees e ON e.id = a.employee_id
          WHERE a.is_unit_head AND a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to > $1::date) ORDER BY a.unit_id, a.valid_from DESC, e.nip)
       SELECT t.id, t.code, t.name, t.parent_id, p.code AS parent_code, t.depth, t.path,
              h.nip AS head_nip, h.name AS head_name, h.position_title AS head_title, COALESCE(placed.n, 0) AS own,
              (SELECT count(*)::int FROM units c WHERE c.parent_id = t.id) AS children
         FROM t LEFT JOIN units p ON p.id = t.parent_id LEFT JOIN placed ON placed.unit_id = t.id LEFT JOIN heads h ON h.unit_id = t.id
`,
      [on],
    );
    // Sorted here, not by the database collation, so the cursor comparison below agrees with the order.
    rows.sort((a, b) => comparePath(a.path, b.path));
    // Subtree totals: children come after their parent in path order, so walk backwards.
    const subtree = new Map<string, number>(rows.map((r) => [r.id, r.own]));
    for (let i = rows.length - 1; i >= 0; i--) {
      const r = rows[i];
      if (r.parent_id) subtree.set(r.parent_id, (subtree.get(r.parent_id) ?? 0) + subtree.get(r.id)!);
    }
    let keep = rows;
    const matched = new Set<string>();
    if (q.q) {
      const needle = q.q.toLocaleLowerCase('id');
      const byId = new Map(rows.map((r) => [r.id, r]));
      const wanted = new Set<string>();
      for (const r of rows) {
        if (!r.code.toLocaleLowerCase('id').includes(needle) && !r.name.toLocaleLowerCase('id').includes(needle))
          continue;
        matched.add(r.id);
        for (let x: Row | undefined = r; x && !wanted.has(x.id); x = x.parent_id ? byId.get(x.parent_id) : undefined)
          wanted.add(x.id);
      }
      keep = rows.filter((r) => wanted.has(r.id));
    }
    const after = Cursor.decode(q.after);
    if (after) {
      const key = after.map(String);
      keep = keep.filter((r) => comparePath(r.path, key) > 0);
    }
    const limit = q.limit ?? 100;
    const page = keep.slice(0, limit);
    return {
      items: page.map((r) => ({
        code: r.code,
        name: r.name,
        parentCode: r.parent_code,
        depth: r.depth,
        path: r.path,
        head: r.head_nip ? { nip: r.head_nip, name: r.head_name!, positionTitle: r.head_title! } : null,
        employeeCount: r.own,
        subtreeEmployeeCount: subtree.get(r.id)!,
        childCount: r.children,
        match: q.q ? matched.has(r.id) : true,
      })),
      nextCursor: keep.length > limit ? Cursor.encode(page[page.length - 1].path) : null,
    };
  }
}

/** Depth-first order of unit paths (code by code, a parent before its children). */
function comparePath(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}
