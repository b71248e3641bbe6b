import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '../common/domain-errors';
import { Cursor } from '../common/pagination';
import { OrgDirectory } from '../org/org-directory.service';
import type { ExportRow } from '../common/export/export-table';
import { SiasnOutboxRepository } from './siasn-outbox.repository';
import { SiasnDraft, SiasnPayloadsService } from './siasn-payloads.service';
import { siasnRow } from './siasn-export';
import type { SiasnItem, SiasnKind, SiasnPage } from './siasn.views';

export interface SiasnReadQuery {
  year?: string;
  period?: string;
  unitCode?: string;
  nip?: string;
  limit?: string;
  after?: string;
}

const PERIODIC = /^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/;

function limitOf(v: string | undefined): number {
  if (v === undefined || v === '') return 100;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new InvalidInputError('Parameter tidak valid / invalid parameter', [
      { field: 'limit', problem: 'must be 1–1000' },
    ]);
  return n;
}

function yearOf(v: string | undefined): number {
  const n = Number(v);
  if (!v || !/^\d{4}$/.test(v) || n < 2000 || n > 2100)
    throw new InvalidInputError('Parameter tidak valid / invalid parameter', [
      { field: 'year', problem: 'must be a year, e.g. 2026' },
    ]);
  return n;
}

/** The read side of §8.5: ready `…/save` bodies with where each stands, cursor-paginated or as a file. */
@Injectable()
export class SiasnReadService {
  constructor(
    private readonly payloads: SiasnPayloadsService,
    private readonly outbox: SiasnOutboxRepository,
    private readonly org: OrgDirectory,
  ) {}

  async page(kind: SiasnKind, q: SiasnReadQuery): Promise<SiasnPage> {
    const limit = limitOf(q.limit);
    const after = Cursor.decodePair(q.after);
    const nips = q.nip ? [q.nip.replace(/\s+/g, '')] : undefined;
    if (nips && !/^\d{18}$/.test(nips[0]))
      throw new InvalidInputError('NIP tidak valid / invalid NIP', [
        { field: 'nip', problem: 'must be an 18-digit NIP' },
      ]);
    if (kind === 'ANGKA_KREDIT') {
      const year = yearOf(q.year);
      const drafts = (await this.payloads.creditDrafts(year, { nips }))
        .sort((a, b) => (a.sortKey[0] + '|' + a.sortKey[1] < b.sortKey[0] + '|' + b.sortKey[1] ? -1 : 1))
        .filter((d) => !after || d.sortKey[0] > after[0] || (d.sortKey[0] === after[0] && d.sortKey[1] > after[1]));
      const pageDrafts = drafts.slice(0, limit);
      return {
        items: await this.withStatus(pageDrafts),
        nextCursor: drafts.length > limit ? Cursor.encode(pageDrafts[pageDrafts.length - 1].sortKey) : null,
      };
    }
    let unitIds: string[] | undefined;
    if (q.unitCode) {
      const id = await this.org.unitIdByCode(q.unitCode);
      if (!id)
        throw new InvalidInputError('Unit tidak dikenal / unknown unit', [
          { field: 'unitCode', problem: 'no such unit' },
        ]);
      unitIds = await this.org.subtreeUnitIds(id);
    }
    const scope = kind === 'SKP22' ? 'ANNUAL' : 'PERIODIC';
    const filter = kind === 'SKP22' ? { year: yearOf(q.year) } : { period: this.periodOf(q.period) };
    const res = await this.payloads.evaluationDrafts({
      scope,
      ...filter,
      nips,
      unitIds,
      after: after ?? undefined,
      limit,
    });
    return {
      items: await this.withStatus(res.drafts),
      nextCursor: res.scanned === limit && res.last ? Cursor.encode(res.last) : null,
    };
  }

  /** Every item of the query, in chunks, as export rows. */
  async *exportRows(kind: SiasnKind, q: SiasnReadQuery): AsyncIterable<ExportRow[]> {
    let after: string | undefined;
    do {
      const page = await this.page(kind, { ...q, limit: '1000', after });
      yield page.items.map((i) => siasnRow(kind, i));
      after = page.nextCursor ?? undefined;
    } while (after);
  }

  /** Validates the query before a file starts streaming (a bad parameter is a 400, not a broken file). */
  async check(kind: SiasnKind, q: SiasnReadQuery): Promise<void> {
    await this.page(kind, { ...q, limit: '1' });
  }

  private periodOf(v: string | undefined): string {
    if (!v || !PERIODIC.test(v))
      throw new InvalidInputError('Parameter tidak valid / invalid parameter', [
        { field: 'period', problem: 'must be a month (2026-03) or a quarter (2026-Q2)' },
      ]);
    return v;
  }

  private async withStatus(drafts: SiasnDraft[]): Promise<SiasnItem[]> {
    const status = await this.outbox.statusByKeys(drafts.flatMap((d) => (d.naturalKey ? [d.naturalKey] : [])));
    return drafts.map(({ kind: _k, sortKey: _s, ...d }) => {
      const s = d.naturalKey ? status.get(d.naturalKey) : undefined;
      return {
        ...d,
        status: d.payload === null ? 'NOT_READY' : (s?.state ?? 'READY'),
        siasnId: s?.siasnId ?? null,
      };
    });
  }
}
