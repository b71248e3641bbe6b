import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { TransactionHost, type TxHost } from '../database/transaction';
import type { Principal } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { OutboxService } from '../outbox/outbox.service';
import type { SiasnPushDto, SiasnOutboxQuery } from './dto/siasn-push.dto';
import type { OutboxRow } from './siasn-outbox.repository';
import { SiasnOutboxWriter } from './siasn-outbox-writer.service';
import { SiasnDraft, SiasnPayloadsService } from './siasn-payloads.service';
import { AttemptRow, SiasnPushRepository, type PushBatchRequest } from './siasn-push.repository';
import type { SiasnOutboxPage, SiasnOutboxRowView, SiasnPushAccepted, SiasnPushProgress } from './siasn-push.views';
import { SiasnSettings } from './siasn-settings';

const PAGE = 1000;

/**
 * Manual push (spec 04 §8.5): `POST /siasn/push` records a batch and its event in one transaction
 * (202); the `siasn.push-batch` job builds the ready payloads of the scope and queues the new or
 * changed ones through the same writer as the facts' events. Also the console's outbox list and the
 * operator's retry of a FAILED or DEAD row.
 */
@Injectable()
export class SiasnPushBatchService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly repo: SiasnPushRepository,
    private readonly payloads: SiasnPayloadsService,
    private readonly writer: SiasnOutboxWriter,
    private readonly outbox: OutboxService,
    private readonly org: OrgDirectory,
    private readonly settings: SiasnSettings,
  ) {}

  async request(p: Principal, dto: SiasnPushDto): Promise<SiasnPushAccepted> {
    if (!this.settings.enabled)
      throw new ConflictError(
        'Pengiriman ke SIASN tidak aktif / the SIASN exchange is disabled (SIASN_ENABLED is not true)',
      );
    const periodic = dto.kind === 'KINERJA_PERIODIK';
    const missing = periodic ? (dto.period ? null : 'period') : dto.year === undefined ? 'year' : null;
    if (missing)
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: missing, problem: `is required for ${dto.kind}` },
      ]);
    const extra = periodic ? (dto.year !== undefined ? 'year' : null) : dto.period !== undefined ? 'period' : null;
    if (extra)
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: extra, problem: `is not used for ${dto.kind}` },
      ]);
    if (dto.unitCode && !(await this.org.unitIdByCode(dto.unitCode)))
      throw new InvalidInputError('Unit tidak dikenal / unknown unit', [
        { field: 'unitCode', problem: 'no such unit' },
      ]);
    const request: PushBatchRequest = {
      kind: dto.kind,
      ...(periodic ? { period: dto.period } : { year: dto.year }),
      ...(dto.unitCode ? { unitCode: dto.unitCode } : {}),
      ...(dto.nips ? { nips: dto.nips } : {}),
    };
    const id = await this.txHost.withTransaction(async () => {
      const batchId = await this.repo.insertBatch(request, p.kind === 'user' ? p.nip : 'api-key');
      await this.outbox.add({
        type: 'SiasnPushRequested',
        aggregateType: 'SiasnBatch',
        aggregateId: batchId,
        payload: { batchId },
        dedupeKey: `siasn-push:${batchId}`,
      });
      return batchId;
    });
    return { id, state: 'QUEUED' };
  }

  /** The batch job (in its receipt's transaction): drafts of the scope, written once. */
  async build(batchId: string) {
    const batch = await this.repo.batch(batchId);
    if (!batch || batch.state === 'DONE') return { skipped: batch ? 'done' : 'no such batch' };
    const drafts = await this.drafts(batch.request);
    const s = await this.writer.write(drafts, batchId);
    await this.repo.finishBatch(batchId, 'DONE', s.queued, s.problems, {
      unchanged: s.unchanged,
      notReady: s.notReady,
      superseded: s.superseded,
    });
    return { batchId, queued: s.queued, unchanged: s.unchanged, notReady: s.notReady };
  }

  private async drafts(r: PushBatchRequest) {
    const unitIds = r.unitCode ? await this.org.subtreeUnitIdsByCode(r.unitCode) : undefined;
    if (r.kind === 'ANGKA_KREDIT') {
      // request() refuses an angka kredit push without a year (§8.5).
      if (r.year === undefined)
        throw new InvalidInputError('Data tidak valid / invalid input', [
          { field: 'year', problem: `is required for ${r.kind}` },
        ]);
      const members = r.unitCode ? await this.org.currentMemberIdsOfSubtree(r.unitCode) : undefined;
      const named = r.nips ? await this.org.idsByNips(r.nips) : undefined;
      const employeeIds = named && members ? named.filter((id) => members.includes(id)) : (named ?? members);
      return this.payloads.creditDrafts(r.year, { employeeIds });
    }
    const out: SiasnDraft[] = [];
    const scope = r.kind === 'SKP22' ? 'ANNUAL' : 'PERIODIC';
    const filter = r.kind === 'SKP22' ? { year: r.year } : { period: r.period };
    let after: [string, string] | undefined;
    for (;;) {
      const page = await this.payloads.evaluationDrafts({
        scope,
        ...filter,
        nips: r.nips,
        unitIds,
        after,
        limit: PAGE,
      });
      out.push(...page.drafts.filter((d) => d.kind === r.kind));
      if (page.scanned < PAGE || !page.last) return out;
      after = page.last;
    }
  }

  async progress(id: string): Promise<SiasnPushProgress> {
    const b = await this.repo.batch(id);
    if (!b) throw new NotFoundError('Batch');
    const [counts, rows] = await Promise.all([this.repo.countsByState(id), this.repo.list({ batchId: id }, 1000)]);
    return {
      id: b.id,
      state: b.state,
      request: b.request,
      requestedBy: b.requestedBy,
      createdAt: b.createdAt,
      total: b.total,
      counts,
      unchanged: b.summary.unchanged ?? 0,
      notReady: b.summary.notReady ?? 0,
      problems: b.problems,
      rows: await this.views(rows),
    };
  }

  async list(q: SiasnOutboxQuery): Promise<SiasnOutboxPage> {
    const limit = q.limit === undefined ? 100 : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new InvalidInputError('Parameter tidak valid / invalid parameter', [
        { field: 'limit', problem: 'must be 1–500' },
      ]);
    const rows = await this.repo.list({ state: q.state, kind: q.kind, afterId: q.after }, limit + 1);
    const page = rows.slice(0, limit);
    return { items: await this.views(page), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  /** A FAILED or DEAD row sent again (after the data or SIASN was fixed): attempts start over. */
  async retry(id: string): Promise<SiasnOutboxRowView> {
    const row = await this.repo.byId(id);
    if (!row) throw new NotFoundError('Baris outbox SIASN');
    if (row.state !== 'FAILED' && row.state !== 'DEAD')
      throw new ConflictError(
        `Hanya baris FAILED atau DEAD yang dapat dikirim ulang / only FAILED or DEAD rows (this one is ${row.state})`,
      );
    if (!this.settings.enabled)
      throw new ConflictError(
        'Pengiriman ke SIASN tidak aktif / the SIASN exchange is disabled (SIASN_ENABLED is not true)',
      );
    await this.txHost.withTransaction(async () => {
      if (!(await this.repo.reopen(id)))
        throw new ConflictError('Sudah ada data yang lebih baru untuk baris ini / a newer row of this key exists');
      const round = (await this.repo.attemptsCount(id)) + 1;
      await this.writer.announce(id, round);
    });
    const [view] = await this.views(await this.repo.list({ id }, 1));
    return view;
  }

  private async views(rows: (OutboxRow & { updatedAt: string })[]): Promise<SiasnOutboxRowView[]> {
    const attempts = await this.repo.attempts(rows.map((r) => r.id));
    return rows.map((r) => {
      const list: AttemptRow[] = attempts.get(r.id) ?? [];
      return {
        id: r.id,
        kind: r.kind,
        nip: r.nip,
        naturalKey: r.naturalKey,
        sourceRef: r.sourceRef,
        state: r.state,
        attempts: r.attempts,
        nextAttemptAt: r.nextAttemptAt ? new Date(r.nextAttemptAt).toISOString() : null,
        siasnId: r.siasnId,
        lastError: r.lastError,
        batchId: r.batchId,
        updatedAt: r.updatedAt,
        payload: r.payload,
        lastAttempt: list.length ? list[list.length - 1] : null,
      };
    });
  }
}
