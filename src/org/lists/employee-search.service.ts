import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../common/domain-errors';
import { Clock } from '../../common/clock';
import { Cursor } from '../../common/pagination';
import { OrgListsRepository } from '../org-lists.repository';
import { UnitTreeRepository } from '../unit-tree.repository';
import { EmployeeListQuery, EmployeePageDto } from './employee-list.dto';

/**
 * GET /employees: the roster as of a date, searched by name (trigram index: employees_name_trgm_idx)
 * or NIP prefix (a range on the unique NIP btree), filtered by unit subtree, status, position kind
 * and jenjang; keyset-paged by NIP so page n costs the same as page 1.
 */
@Injectable()
export class EmployeeSearchService {
  constructor(
    private readonly units: UnitTreeRepository,
    private readonly lists: OrgListsRepository,
    private readonly clock: Clock,
  ) {}

  async list(q: EmployeeListQuery): Promise<EmployeePageDto> {
    const limit = q.limit ?? 100;
    const after = Cursor.decode(q.after);
    let unitIds: string[] | undefined;
    if (q.unitCode) {
      const unitId = await this.units.idByCode(q.unitCode);
      if (!unitId) throw new NotFoundError('Unit');
      unitIds = (await this.units.subtree(unitId)).map((u) => u.id);
    }
    const rows = await this.lists.search({
      on: q.on ?? this.clock.today(),
      q: q.q,
      status: q.status,
      kind: q.kind,
      jenjang: q.jenjang,
      unitIds,
      afterNip: after ? String(after[0]) : undefined,
      limit,
    });
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map((r) => ({ ...r, isUnitHead: r.isUnitHead === true }));
    return { items, nextCursor: more ? Cursor.encode([items[items.length - 1].nip]) : null };
  }
}
