import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../database/transaction';

/** One evidence file as the API shows it (the storage key stays inside). */
export interface EvidenceView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}
export interface EvidenceList {
  items: EvidenceView[];
}
export interface EvidenceRow extends EvidenceView {
  storageKey: string;
}

const COLUMNS = `id, file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes", sha256,
  uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt", storage_key AS "storageKey"`;

/** A row as the driver returns it: bigint as text, timestamptz as a Date. */
type StoredEvidenceRow = Omit<EvidenceRow, 'sizeBytes' | 'uploadedAt'> & {
  sizeBytes: string;
  uploadedAt: Date | string;
};

const toRow = (r: StoredEvidenceRow): EvidenceRow => ({
  ...r,
  sizeBytes: Number(r.sizeBytes),
  uploadedAt: new Date(r.uploadedAt).toISOString(),
});

export const toView = ({ storageKey: _k, ...view }: EvidenceRow): EvidenceView => view;

/** The evidence files of an evaluation (SKP × period); the evaluation feature's table `evaluation_evidence`. */
@Injectable()
export class EvidenceRepository extends BaseRepository {
  async list(skpId: string, period: string): Promise<EvidenceRow[]> {
    const rows: StoredEvidenceRow[] = await this.db().query(
      `SELECT ${COLUMNS} FROM evaluation_evidence WHERE skp_id = $1 AND period = $2 ORDER BY uploaded_at, id`,
      [skpId, period],
    );
    return rows.map(toRow);
  }

  async find(skpId: string, period: string, id: string): Promise<EvidenceRow | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const rows: StoredEvidenceRow[] = await this.db().query(
      `SELECT ${COLUMNS} FROM evaluation_evidence WHERE skp_id = $1 AND period = $2 AND id = $3`,
      [skpId, period, id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async count(skpId: string, period: string): Promise<number> {
    const rows: { n: string }[] = await this.db().query(
      `SELECT count(*) AS n FROM evaluation_evidence WHERE skp_id = $1 AND period = $2`,
      [skpId, period],
    );
    return Number(rows[0].n);
  }

  async insert(skpId: string, period: string, row: EvidenceRow): Promise<void> {
    await this.db().query(
      `INSERT INTO evaluation_evidence (id, skp_id, period, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [
        row.id,
        skpId,
        period,
        row.fileName,
        row.contentType,
        row.sizeBytes,
        row.sha256,
        row.storageKey,
        row.uploadedBy,
        row.uploadedAt,
      ],
    );
  }

  async delete(id: string): Promise<void> {
    await this.db().query(`DELETE FROM evaluation_evidence WHERE id = $1`, [id]);
  }
}
