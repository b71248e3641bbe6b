import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { Cursor } from '../../common/pagination';
import { UnitListingRow, UnitTreeRepository } from '../unit-tree.repository';
import { UnitTreePageDto, UnitTreeQuery } from './unit-tree.dto';

/** A unit with its employees on the date, its own and those of every unit below it. */
type Row = UnitListingRow & { subtree: number };

/**
 * GET /units: the organisation tree depth-first, each unit with its head and head counts on a date.
 * Units are few (hundreds to a few thousand for a province); the tree and counts are one query, the
 * subtree totals are added up in memory, and pages are cut by the depth-first path.
 */
@Injectable()
export class UnitTreeService {
  constructor(
    private readonly units: UnitTreeRepository,
    private readonly clock: Clock,
  ) {}

  async tree(q: UnitTreeQuery): Promise<UnitTreePageDto> {
    const on = q.on ?? this.clock.today();
    const rows: Row[] = (await this.units.listing(on)).map((r) => ({ ...r, subtree: r.own }));
    // Sorted here, not by the database collation, so the cursor comparison below agrees with the order.
    rows.sort((a, b) => comparePath(a.path, b.path));
    const byId = new Map(rows.map((r) => [r.id, r]));
    // Subtree totals: children come after their parent in path order, so walk backwards.
    for (let i = rows.length - 1; i >= 0; i--) {
      const r = rows[i];
      const parent = r.parent_id ? byId.get(r.parent_id) : undefined;
      if (parent) parent.subtree += r.subtree;
    }
    let keep = rows;
    const matched = new Set<string>();
    if (q.q) {
      const needle = q.q.toLocaleLowerCase('id');
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
        head: r.head_nip !== null ? { nip: r.head_nip, name: r.head_name, positionTitle: r.head_title } : null,
        employeeCount: r.own,
        subtreeEmployeeCount: r.subtree,
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
