import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError, type ErrorDetail } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { RequestContext } from '../common/request-context';
import { TransactionHost, type TxHost } from '../database/transaction';
import { actorLabel } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { OutboxService } from '../outbox/outbox.service';
import { normaliseHolding, type NormalisedHolding, type SiasnKind } from '../rules';
import { SiasnClient, SiasnTransportError } from './siasn-client';
import { SiasnImportRepository, type ImportProblem, type ImportRequest } from './siasn-import.repository';
import { siasnKindOf, siasnPeriodOf, siasnYearOf } from './siasn-query.util';
import type { SiasnImportView } from './siasn-reconciliation.views';
import { SiasnSettings } from './siasn-settings';

/** The SIASN read endpoint of each kind (spec 04 §8.4). */
const READ_PATH: Record<SiasnKind, string> = {
  SKP22: '/pns/rw-skp22/',
  KINERJA_PERIODIK: '/pns/rw-kinerjaperiodik/',
  ANGKA_KREDIT: '/pns/rw-angkakredit/',
};

const MAX_NIPS = 5000;

export const SIASN_DISABLED_MESSAGE =
  'SIASN belum diaktifkan: impor dari SIASN tidak dapat dijalankan / SIASN is not enabled (SIASN_ENABLED=false)';

/**
 * `POST /siasn/import`: reads what SIASN holds for a set of people (one read endpoint call per person)
 * and stores it, normalised to the write-side names (§8.4), for the reconciliation. Always a background
 * job (a unit may hold hundreds of people; each call may take seconds): 202 with the import, whose
 * progress `GET /siasn/import/{id}` shows. Only reads: nothing is ever written to SIASN.
 */
@Injectable()
export class SiasnImportService {
  private readonly logger = new Logger(SiasnImportService.name);

  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly repo: SiasnImportRepository,
    private readonly org: OrgDirectory,
    private readonly outbox: OutboxService,
    private readonly settings: SiasnSettings,
    private readonly client: SiasnClient,
    private readonly clock: Clock,
  ) {}

  async start(body: unknown): Promise<SiasnImportView> {
    const requestedBy = actorLabel(RequestContext.principal()).actor;
    // Nothing can be read while SIASN is off: said first, whatever the request.
    if (!this.settings.enabled) throw new ConflictError(SIASN_DISABLED_MESSAGE);
    const request = await this.parse(body);
    if (request.nips.length === 0)
      throw new InvalidInputError('Tidak ada pegawai untuk diimpor / nobody to import', [
        { field: 'unitCode', problem: 'the unit has no PNS in post' },
      ]);
    const id = await this.txHost.withTransaction(async () => {
      const batchId = await this.repo.createBatch(request, requestedBy);
      await this.outbox.add({
        type: 'SiasnImportRequested',
        aggregateType: 'siasn_batch',
        aggregateId: batchId,
        payload: { batchId },
        dedupeKey: `siasn-import:${batchId}`,
      });
      return batchId;
    });
    return this.view(id);
  }

  async view(id: string): Promise<SiasnImportView> {
    const b = await this.repo.batch(id);
    if (!b) throw new NotFoundError('Impor SIASN');
    const { nips: _n, ...view } = b;
    return view;
  }

  /**
   * The job: one read per person not yet read by this import (a retried job resumes), each person's rows
   * replaced in one short transaction. A person SIASN does not answer for is a problem on the import,
   * and the others go on; credentials or a refused address stop the import (FAILED).
   */
  async run(batchId: string): Promise<{ read: number; problems: number }> {
    const batch = await this.repo.batch(batchId);
    if (!batch || batch.state === 'DONE' || batch.state === 'FAILED') return { read: 0, problems: 0 };
    await this.repo.setState(batchId, 'RUNNING');
    const already = new Set(await this.repo.readInBatch(batchId, batch.kind));
    let read = 0;
    let problems = 0;
    for (const nip of batch.nips) {
      if (already.has(nip)) continue;
      let found: ImportProblem[];
      try {
        found = await this.readPerson(batch.kind, nip, batchId);
      } catch (err) {
        if (!(err instanceof SiasnTransportError)) throw err;
        await this.repo.progress(batchId, [{ nip, problem: `Impor dihentikan: ${err.message}` }]);
        await this.repo.setState(batchId, 'FAILED');
        this.logger.warn({ batchId, error: err.message }, 'SIASN import stopped');
        return { read, problems: problems + 1 };
      }
      await this.repo.progress(batchId, found);
      read += 1;
      problems += found.length;
    }
    await this.repo.setState(batchId, 'DONE');
    return { read, problems };
  }

  private async readPerson(kind: SiasnKind, nip: string, batchId: string): Promise<ImportProblem[]> {
    let answer;
    try {
      answer = await this.client.call({ method: 'GET', path: `${READ_PATH[kind]}${nip}` });
    } catch (err) {
      if (err instanceof SiasnTransportError && err.kind === 'NETWORK')
        return [{ nip, problem: `SIASN tidak menjawab: ${err.message}` }];
      throw err;
    }
    const json = answer.json as { code?: unknown; data?: unknown } | null;
    if (answer.status !== 200 || !json)
      return [{ nip, problem: `SIASN menjawab HTTP ${answer.status}: ${answer.text.slice(0, 200)}` }];
    // SIASN answers `code` 1 (number or string) when the person's riwayat was read.
    if (json.code !== undefined && json.code !== 1 && json.code !== '1')
      return [{ nip, problem: `SIASN: ${typeof json.data === 'string' ? json.data : 'data tidak ditemukan'}` }];
    if (!Array.isArray(json.data)) return [{ nip, problem: 'SIASN menjawab tanpa daftar riwayat' }];
    const rows: { holding: NormalisedHolding; raw: unknown }[] = [];
    const problems: ImportProblem[] = [];
    for (const raw of json.data) {
      const r = normaliseHolding(kind, nip, raw);
      if (r.ok) rows.push({ holding: r.holding, raw });
      else problems.push({ nip, problem: r.problem });
    }
    await this.txHost.withTransaction(() => this.repo.replaceHoldings(kind, nip, batchId, rows));
    return problems;
  }

  private async parse(body: unknown): Promise<ImportRequest> {
    const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : null) as Record<
      string,
      unknown
    > | null;
    if (!b)
      throw new InvalidInputError('Permintaan tidak valid / invalid request', [
        { field: 'body', problem: 'must be an object' },
      ]);
    const details: ErrorDetail[] = [];
    const attempt = <T>(f: () => T): T | null => {
      try {
        return f();
      } catch (err) {
        const e = err as { details?: ErrorDetail[]; getResponse?: () => { details?: ErrorDetail[] } };
        const d = Array.isArray(e.details) && e.details.length ? e.details : e.getResponse?.().details;
        if (!d) throw err;
        details.push(...d);
        return null;
      }
    };
    const kind = attempt(() => siasnKindOf(b.kind));
    const period =
      kind === 'KINERJA_PERIODIK' && b.period !== undefined ? attempt(() => siasnPeriodOf(b.period)) : null;
    const year = period !== null ? Number(period.slice(0, 4)) : attempt(() => siasnYearOf(yearText(b.year)));
    const unitCode = typeof b.unitCode === 'string' && b.unitCode !== '' ? b.unitCode : null;
    const hasUnit = unitCode !== null;
    const hasNips = b.nips !== undefined;
    if (hasUnit === hasNips) details.push({ field: 'unitCode', problem: 'give either unitCode or nips' });
    let nips: string[] = [];
    if (hasNips) {
      if (!Array.isArray(b.nips) || b.nips.length === 0 || b.nips.length > MAX_NIPS)
        details.push({ field: 'nips', problem: `must be a list of 1–${MAX_NIPS} NIPs` });
      else {
        nips = [...new Set(b.nips.map((n) => (typeof n === 'string' ? n.replace(/\s+/g, '') : '')))];
        nips
          .filter((n) => !/^\d{18}$/.test(n))
          .forEach(() => details.push({ field: 'nips', problem: 'each NIP must have 18 digits' }));
      }
    }
    // A kind or year that did not parse left its detail: the two checks on null only narrow the types.
    if (details.length || kind === null || year === null)
      throw new InvalidInputError('Permintaan impor SIASN tidak valid / invalid import request', dedupe(details));
    if (unitCode === null) {
      const known = new Set(await this.org.existingNips(nips));
      const unknown = nips.filter((n) => !known.has(n));
      if (unknown.length)
        throw new InvalidInputError(
          'NIP tidak dikenal / unknown NIP',
          unknown.map((n) => ({ field: 'nips', problem: `no employee with NIP ${n}` })),
        );
    } else {
      nips = await this.unitNips(unitCode, year);
    }
    return {
      kind,
      year,
      period,
      unitCode,
      nips: nips.sort(),
    };
  }

  /** PNS (PPPK too when pushed) in the unit's subtree at the end of the year, or today for the current year. */
  private async unitNips(unitCode: string, year: number): Promise<string[]> {
    const id = await this.org.unitIdByCode(unitCode);
    if (!id)
      throw new InvalidInputError('Unit tidak dikenal / unknown unit', [
        { field: 'unitCode', problem: 'no such unit' },
      ]);
    const today = this.clock.today();
    const on = `${year}-12-31` < today ? `${year}-12-31` : today;
    const people = await this.org.snapshotsOn(on, await this.org.subtreeUnitIds(id));
    return [...new Set(people.filter((s) => s.status === 'PNS' || this.settings.rules.pppk.push).map((s) => s.nip))];
  }
}

/** The year as the query parser reads it: a JSON number or string (anything else is refused there). */
function yearText(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

function dedupe(details: ErrorDetail[]): ErrorDetail[] {
  const seen = new Set<string>();
  return details.filter((d) => (seen.has(d.field + d.problem) ? false : (seen.add(d.field + d.problem), true)));
}
