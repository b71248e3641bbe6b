import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { Cursor, Page } from '../common/pagination';
import { SkpStatusReader } from '../skp/skp-status-reader.service';
import { GapsQuery } from './dto/gaps.dto';
import { OrgListsRepository } from './org-lists.repository';
import { Gap, ppkGaps, unlinkedMessage } from './ppk-rules.util';
import { UnitTreeRepository } from './unit-tree.repository';

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

/** GET /units/{code}/gaps: who in a unit subtree cannot be planned/rated as things stand on a date. */
@Injectable()
export class GapsService {
  constructor(
    private readonly units: UnitTreeRepository,
    private readonly lists: OrgListsRepository,
    private readonly clock: Clock,
    private readonly skp: SkpStatusReader,
  ) {}

  async report(code: string, q: GapsQuery): Promise<GapsReport> {
    const unitId = await this.units.idByCode(code);
    if (!unitId) throw new NotFoundError('Unit');
    const unitIds = (await this.units.subtree(unitId)).map((u) => u.id);
    const on = q.on ?? this.clock.today();
    const year = q.year ?? Number(on.slice(0, 4));
    const rows = await this.lists.gaps(unitIds, on);
    const standing = await this.skp.standingOn(
      rows.map((r) => r.id),
      year,
      on,
    );
    const all: GapItem[] = [];
    for (const r of rows) {
      const skp = standing.get(r.id);
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
      if (!skp) reasons.push({ code: 'NO_SKP', message: `Belum ada SKP tahun ${year} / no SKP for ${year}` });
      // 01 §3.4: approved while the PPK had no approved SKP, its UTAMA results intervene nothing yet.
      if (skp && skp.unlinked > 0) reasons.push({ code: 'UNLINKED_RESULTS', message: unlinkedMessage(skp.unlinked) });
      if (reasons.length === 0) continue;
      all.push({
        nip: r.nip,
        name: r.name,
        unitCode: r.unit_code,
        positionTitle: r.position_title,
        positionKind: r.position_kind,
        ppkNip: r.ppk_nip,
        ppkDelegated: r.delegated,
        skpStatus: skp?.status ?? null,
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
