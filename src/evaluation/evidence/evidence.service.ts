import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AuditService } from '../../audit/audit.service';
import { NotFoundError, ConflictError, ForbiddenError } from '../../common/domain-errors';
import { Clock } from '../../common/clock';
import { TransactionHost, type TxHost } from '../../database/transaction';
import { actorLabel, Principal } from '../../identity/principal';
import { EvaluationAccess } from '../evaluation-access.service';
import { checkEvidence } from './evidence-file';
import { EvidenceList, EvidenceRepository, EvidenceRow, EvidenceView, toView } from './evidence.repository';
import { EVIDENCE_STORAGE, EvidenceStorage } from './evidence-storage';

/** Files per evaluation: enough for a year of monthly reports, bounded so storage cannot be flooded. */
export const MAX_EVIDENCE_FILES = 30;

/**
 * Evidence files (bukti dukung) of an evaluation: the employee uploads while realisations are open;
 * whoever may see the evaluation lists and downloads them (404 for anyone else). A failed upload
 * leaves neither a row nor a stored object.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger('Evidence');

  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly access: EvaluationAccess,
    private readonly repo: EvidenceRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  async list(p: Principal, skpId: string, period: string): Promise<EvidenceList> {
    const c = await this.access.load(p, skpId, period, false);
    return { items: (await this.repo.list(c.skp.id, c.p.period)).map(toView) };
  }

  async open(
    p: Principal,
    skpId: string,
    period: string,
    evidenceId: string,
  ): Promise<{ row: EvidenceRow; stream: Readable }> {
    const c = await this.access.load(p, skpId, period, false);
    const row = await this.repo.find(c.skp.id, c.p.period, evidenceId);
    if (!row) throw new NotFoundError('Bukti dukung');
    return { row, stream: await this.storage.get(row.storageKey) };
  }

  async upload(
    p: Principal,
    skpId: string,
    period: string,
    file: { name: string | undefined; data: Buffer },
  ): Promise<EvidenceView> {
    const id = randomUUID();
    // Set inside the transaction's callback once the object is stored (a holder, read after the callback).
    const stored: { key?: string } = {};
    try {
      return await this.txHost.withTransaction(async () => {
        const c = await this.access.load(p, skpId, period, true);
        this.requireSelf(c.rel);
        this.access.requireAcceptsRealizations(c);
        const checked = await checkEvidence(file.name, file.data);
        if ((await this.repo.count(c.skp.id, c.p.period)) >= MAX_EVIDENCE_FILES)
          throw new ConflictError(
            `Paling banyak ${MAX_EVIDENCE_FILES} bukti dukung per evaluasi / too many evidence files`,
            [{ field: 'file', problem: `at most ${MAX_EVIDENCE_FILES} files per evaluation` }],
          );
        const row: EvidenceRow = {
          id,
          ...checked,
          uploadedBy: actorLabel(p).actor,
          uploadedAt: this.clock.now().toISOString(),
          storageKey: `${c.skp.id}/${c.p.period}/${id}`,
        };
        await this.repo.insert(c.skp.id, c.p.period, row);
        await this.audit.record({
          action: 'evaluation.evidence.upload',
          entityType: 'Evaluation',
          entityId: c.e?.id ?? `${c.skp.id}/${c.p.period}`,
          after: toView(row),
        });
        // Last step before commit: a storage failure rolls the row back.
        await this.storage.put(row.storageKey, file.data, row.contentType);
        stored.key = row.storageKey;
        return toView(row);
      });
    } catch (err) {
      // The commit failed after the object was stored: remove it so no file is left without its row.
      if (stored.key) await this.removeObject(stored.key);
      throw err;
    }
  }

  async remove(p: Principal, skpId: string, period: string, evidenceId: string): Promise<void> {
    const key = await this.txHost.withTransaction(async () => {
      const c = await this.access.load(p, skpId, period, true);
      const row = await this.repo.find(c.skp.id, c.p.period, evidenceId);
      if (!row) throw new NotFoundError('Bukti dukung');
      this.requireSelf(c.rel);
      this.access.requireAcceptsRealizations(c);
      await this.repo.delete(row.id);
      await this.audit.record({
        action: 'evaluation.evidence.delete',
        entityType: 'Evaluation',
        entityId: c.e?.id ?? `${c.skp.id}/${c.p.period}`,
        before: toView(row),
      });
      return row.storageKey;
    });
    await this.removeObject(key);
  }

  private requireSelf(rel: Set<string>): void {
    if (!rel.has('SELF')) throw new ForbiddenError('Hanya pegawai yang dinilai yang dapat mengelola bukti dukung');
  }

  private async removeObject(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (err) {
      this.logger.error({ key, err: (err as Error).message }, 'evidence object could not be removed (orphan)');
    }
  }
}
