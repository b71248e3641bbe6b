import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { SiasnKind } from '../rules';

/**
 * What of a row's document reached SIASN (`siasn_outbox.document`): after `upload-dok` the path object
 * the kinerja periodik save sends; after `upload-dok-rw` the riwayat it is attached to.
 */
export interface SiasnDocumentRecord {
  ref: string;
  uploadedAt: string;
  sha256: string;
  path?: Record<string, unknown>;
  idRiwayat?: string;
}

export type OutboxState = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'DEAD' | 'SUPERSEDED';

export interface OutboxRow {
  id: string;
  kind: SiasnKind;
  nip: string;
  naturalKey: string;
  sourceRef: string;
  payloadHash: string;
  payload: Record<string, unknown>;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  siasnId: string | null;
  lastError: string | null;
  batchId: string | null;
  /** What of the row's document reached SIASN (read by the push side only). */
  document?: SiasnDocumentRecord | null;
}

const COLUMNS = `id::text AS id, kind, nip, natural_key AS "naturalKey", source_ref AS "sourceRef", payload_hash AS "payloadHash",
  payload, state, attempts, next_attempt_at AS "nextAttemptAt", siasn_id AS "siasnId", last_error AS "lastError", batch_id AS "batchId"`;

/** SQL of siasn_outbox and siasn_attempts. */
@Injectable()
export class SiasnOutboxRepository extends BaseRepository {
  /** Latest row per natural key (its state) and the SIASN id last known for the key (sent or imported). */
  async statusByKeys(keys: string[]): Promise<Map<string, { state: OutboxState; siasnId: string | null }>> {
    if (keys.length === 0) return new Map();
    const rows: { natural_key: string; state: OutboxState; siasn_id: string | null }[] = await this.db().query(
      `SELECT DISTINCT ON (natural_key) natural_key, state,
              (SELECT o2.siasn_id FROM siasn_outbox o2 WHERE o2.natural_key = o.natural_key AND o2.siasn_id IS NOT NULL
                ORDER BY o2.id DESC LIMIT 1) AS siasn_id
         FROM siasn_outbox o WHERE natural_key = ANY($1::text[]) ORDER BY natural_key, id DESC`,
      [keys],
    );
    return new Map(rows.map((r) => [r.natural_key, { state: r.state, siasnId: r.siasn_id }]));
  }

  async byId(id: string, lock = false): Promise<OutboxRow | null> {
    const rows: OutboxRow[] = await this.db().query(
      `SELECT ${COLUMNS} FROM siasn_outbox WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }
}
