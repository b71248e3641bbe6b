import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '../common/domain-errors';
import { Cursor } from '../common/pagination';
import type { ExportRow } from '../common/export/export-table';
import { OrgDirectory } from '../org/org-directory.service';
import {
  engineMatchKey,
  reconcileSiasn,
  siasnMatchKeySpan,
  type EngineRow,
  type NormalisedHolding,
  type SiasnKind,
} from '../rules';
import { SiasnImportRepository } from './siasn-import.repository';
import { SiasnPayloadsService, type SiasnDraft } from './siasn-payloads.service';
import { siasnKindOf, siasnLimitOf, siasnPeriodOf, siasnYearOf } from './siasn-query.util';
import type { SiasnReconciliationItem, SiasnReconciliationPage } from './siasn-reconciliation.views';
import { SiasnSettings } from './siasn-settings';

export interface ReconciliationQuery {
  kind?: string;
  year?: string;
  period?: string;
  unitCode?: string;
  nip?: string;
  limit?: string;
  after?: string;
}

interface Scope {
  kind: SiasnKind;
  year: number;
  period: string | null;
  /** Months `YYYY-MM` a SIASN row must lie within to belong to the query. */
  from: string;
  to: string;
  nips?: string[];
}

const PEOPLE_CHUNK = 200;
/** People read per request at most (a page stops early when findings are few). */
const MAX_PEOPLE_PER_PAGE = 2000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `GET /siasn/reconciliation`: the engine's rows (the ready payloads, NOT_READY included) against what
 * the last import read from SIASN, for the people whose SIASN rows were imported, in NIP order. A page
 * holds whole people: at least `limit` findings unless the people run out (so a page may hold a few more).
 */
@Injectable()
export class SiasnReconciliationService {
  constructor(
    private readonly payloads: SiasnPayloadsService,
    private readonly repo: SiasnImportRepository,
    private readonly org: OrgDirectory,
    private readonly settings: SiasnSettings,
  ) {}

  async page(q: ReconciliationQuery): Promise<SiasnReconciliationPage> {
    const scope = await this.scope(q);
    const limit = siasnLimitOf(q.limit);
    const after = Cursor.decode(q.after);
    if (after !== null && (!Array.isArray(after) || after.length !== 1 || typeof after[0] !== 'string'))
      throw new InvalidInputError('Cursor tidak valid / invalid cursor', [
        { field: 'after', problem: 'is not a cursor returned by this API' },
      ]);
    let cursor = (after?.[0] as string | undefined) ?? undefined;
    const items: SiasnReconciliationItem[] = [];
    let scanned = 0;
    let more = true;
    while (items.length < limit && scanned < MAX_PEOPLE_PER_PAGE) {
      const nips = await this.repo.readNips(scope.kind, { after: cursor, limit: PEOPLE_CHUNK, nips: scope.nips });
      if (nips.length === 0) {
        more = false;
        break;
      }
      items.push(...(await this.findings(scope, nips)));
      scanned += nips.length;
      cursor = nips[nips.length - 1];
      if (nips.length < PEOPLE_CHUNK) {
        more = false;
        break;
      }
    }
    const summary = await this.repo.readSummary(scope.kind, scope.nips);
    const warnings: string[] = [];
    if (summary.people === 0)
      warnings.push(
        this.settings.enabled
          ? 'Belum ada data SIASN yang diimpor untuk jenis ini: jalankan "Impor dari SIASN" lebih dulu'
          : 'SIASN belum diaktifkan dan belum ada data SIASN yang diimpor: rekonsiliasi belum dapat dibuat',
      );
    return {
      items,
      nextCursor: more && cursor ? Cursor.encode([cursor]) : null,
      peopleRead: summary.people,
      lastReadAt: summary.lastReadAt,
      siasnEnabled: this.settings.enabled,
      warnings,
    };
  }

  /** Every finding of the query, in chunks, as export rows. */
  async *exportRows(q: ReconciliationQuery): AsyncIterable<ExportRow[]> {
    let after: string | undefined;
    do {
      const page = await this.page({ ...q, limit: '1000', after });
      yield page.items.map((i) => [
        i.code,
        i.nip,
        i.matchKey,
        i.naturalKey ?? '',
        i.sourceRef ?? '',
        i.siasnIds.join(' '),
        i.fields.map((f) => `${f.field}: ${f.engine ?? '-'} / ${f.siasn ?? '-'}`).join('; '),
        i.message,
      ]);
      after = page.nextCursor ?? undefined;
    } while (after);
  }

  /** Validates the query before a file starts streaming. */
  async check(q: ReconciliationQuery): Promise<void> {
    await this.scope(q);
    siasnLimitOf(q.limit);
  }

  private async scope(q: ReconciliationQuery): Promise<Scope> {
    const kind = siasnKindOf(q.kind);
    let year: number;
    let period: string | null = null;
    let from: string;
    let to: string;
    if (kind === 'KINERJA_PERIODIK' && q.period) {
      period = siasnPeriodOf(q.period);
      year = Number(period.slice(0, 4));
      const m = /Q(\d)$/.exec(period);
      [from, to] = m ? [`${year}-${pad(Number(m[1]) * 3 - 2)}`, `${year}-${pad(Number(m[1]) * 3)}`] : [period, period];
    } else {
      year = siasnYearOf(q.year);
      [from, to] = [`${year}-01`, `${year}-12`];
    }
    let nips: string[] | undefined;
    if (q.nip) {
      const nip = q.nip.replace(/\s+/g, '');
      if (!/^\d{18}$/.test(nip))
        throw new InvalidInputError('NIP tidak valid / invalid NIP', [
          { field: 'nip', problem: 'must be an 18-digit NIP' },
        ]);
      nips = [nip];
    } else if (q.unitCode) {
      const id = await this.org.unitIdByCode(q.unitCode);
      if (!id)
        throw new InvalidInputError('Unit tidak dikenal / unknown unit', [
          { field: 'unitCode', problem: 'no such unit' },
        ]);
      const people = await this.org.snapshotsOn(`${year}-12-31`, await this.org.subtreeUnitIds(id));
      nips = [...new Set(people.map((s) => s.nip))];
    }
    return { kind, year, period, from, to, nips };
  }

  private async findings(scope: Scope, nips: string[]): Promise<SiasnReconciliationItem[]> {
    const [drafts, holdings] = await Promise.all([this.drafts(scope, nips), this.repo.holdings(scope.kind, nips)]);
    const engine: EngineRow[] = drafts.map((d) => ({
      nip: d.nip,
      matchKey: this.engineKey(scope.kind, d),
      naturalKey: d.naturalKey,
      sourceRef: d.sourceRef,
      payload: d.payload as unknown as Record<string, unknown> | null,
      problems: d.problems,
    }));
    const inScope = (h: NormalisedHolding) => {
      const span = siasnMatchKeySpan(h.matchKey);
      // Angka kredit: the entries ending in the year (as the ready payloads); the others: within the months.
      return scope.kind === 'ANGKA_KREDIT'
        ? span.to.slice(0, 4) === String(scope.year)
        : span.from >= scope.from && span.to <= scope.to;
    };
    return reconcileSiasn(scope.kind, engine, holdings.filter(inScope)).findings;
  }

  private async drafts(scope: Scope, nips: string[]): Promise<SiasnDraft[]> {
    if (scope.kind === 'ANGKA_KREDIT') return this.payloads.creditDrafts(scope.year, { nips });
    const res = await this.payloads.evaluationDrafts({
      scope: scope.kind === 'SKP22' ? 'ANNUAL' : 'PERIODIC',
      ...(scope.period ? { period: scope.period } : { year: scope.year }),
      nips,
    });
    return res.drafts;
  }

  /** Evaluation drafts carry their period; credit drafts their months and source in `sourceRef` (`ak:nip:source:from..to`). */
  private engineKey(kind: SiasnKind, d: SiasnDraft): string {
    if (kind !== 'ANGKA_KREDIT') return engineMatchKey(kind, d.nip, { period: d.sortKey[1] });
    const m = /^ak:\d+:([A-Z_]+):(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(d.sourceRef);
    if (!m) throw new Error(`unexpected angka kredit source reference ${d.sourceRef}`);
    return engineMatchKey(kind, d.nip, { source: m[1], fromMonth: m[2], toMonth: m[3] });
  }
}
