import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { OutboxService } from '../outbox/outbox.service';
import type { SiasnDraft } from './siasn-payloads.service';
import { SiasnPushRepository } from './siasn-push.repository';
import { SiasnSettings } from './siasn-settings';

export interface QueueSummary {
  queued: number;
  unchanged: number;
  superseded: number;
  notReady: number;
  /** Drafts that cannot be built yet, with their reasons (shown on the batch; never silently dropped). */
  problems: { nip: string; code: string; message: string }[];
}

/** Hash of a body independent of key order (jsonb does not keep it). */
export function payloadHash(payload: unknown): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canon(payload)))
    .digest('hex');
}

/**
 * Writes ready payloads into `siasn_outbox`, in the caller's transaction (the one that recorded the
 * fact's event): one row per new or changed payload of a natural key; an unchanged payload is not
 * queued again; a changed one supersedes the key's unsent rows (PENDING, FAILED, DEAD). While SIASN is
 * enabled each new row gets a `SiasnRowQueued` event in the same transaction (its send job); while
 * disabled rows wait PENDING and nothing is queued for sending.
 */
@Injectable()
export class SiasnOutboxWriter {
  constructor(
    private readonly repo: SiasnPushRepository,
    private readonly outbox: OutboxService,
    private readonly settings: SiasnSettings,
  ) {}

  async write(drafts: SiasnDraft[], batchId: string | null = null): Promise<QueueSummary> {
    const s: QueueSummary = { queued: 0, unchanged: 0, superseded: 0, notReady: 0, problems: [] };
    for (const d of drafts) {
      if (!d.payload || !d.naturalKey) {
        s.notReady += 1;
        for (const p of d.problems) s.problems.push({ nip: d.nip, code: p.code, message: p.message });
        continue;
      }
      const hash = payloadHash(d.payload);
      const latest = await this.repo.latestForKey(d.naturalKey);
      if (latest && latest.payloadHash === hash && latest.state !== 'SUPERSEDED') {
        s.unchanged += 1;
        continue;
      }
      s.superseded += await this.repo.supersedeUnsent(d.naturalKey, hash);
      const id = await this.repo.insert({
        kind: d.kind,
        nip: d.nip,
        naturalKey: d.naturalKey,
        sourceRef: d.sourceRef,
        payloadHash: hash,
        payload: d.payload,
        batchId,
      });
      s.queued += 1;
      if (this.settings.enabled) await this.announce(id);
    }
    return s;
  }

  /** The row's send job, through the transactional outbox (enqueued once the transaction commits). */
  async announce(id: string, round = 0): Promise<void> {
    await this.outbox.add({
      type: 'SiasnRowQueued',
      aggregateType: 'SiasnOutbox',
      aggregateId: id,
      payload: { outboxId: id },
      dedupeKey: `siasn-row:${id}:${round}`,
    });
  }
}
