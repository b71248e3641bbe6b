import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { PakDocumentReader } from '../angka-kredit/pak-document-reader.service';
import { EvaluationDocumentReader } from '../evaluation/evaluation-document-reader.service';
import { isPermanentFailure } from '../jobs/job-failure';
import type { SiasnKind } from '../rules';
import type { SiasnRequest } from './siasn-client';
import type { OutboxRow, SiasnDocumentRecord } from './siasn-outbox.repository';
import { SiasnSettings } from './siasn-settings';

/** A row's document as rendered for one attempt. */
export interface SiasnDocument {
  ref: string;
  fileName: string;
  data: Buffer;
}

/** Rendering failed: for good (the source cannot give the document: a person acts) or for now (retry). */
export class SiasnDocumentUnavailable extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** Kinerja periodik uploads its document before the save (its path goes in the body); the others after. */
export const uploadsBeforeSave = (kind: SiasnKind) => kind === 'KINERJA_PERIODIK';

/** Whether a row's document is already in SIASN for this SIASN row (a retry uploads only what is missing). */
export function documentDone(row: Pick<OutboxRow, 'kind' | 'document'>, siasnId: string | null): boolean {
  const d = row.document;
  if (!d) return false;
  return uploadsBeforeSave(row.kind) ? !!d.path : d.idRiwayat === siasnId;
}

/** The multipart request of an upload (spec 04 §8.3): `upload-dok` before, `upload-dok-rw` after the save. */
export function uploadRequest(doc: SiasnDocument, idRiwayat: string | null): SiasnRequest {
  const file = { name: doc.fileName, contentType: 'application/pdf', data: doc.data };
  return idRiwayat === null
    ? { method: 'POST', path: '/upload-dok', multipart: { fields: { id_ref_dokumen: doc.ref }, file } }
    : {
        method: 'POST',
        path: '/upload-dok-rw',
        multipart: { fields: { id_riwayat: idRiwayat, id_ref_dokumen: doc.ref }, file },
      };
}

/** The path object of an `upload-dok` answer (`data`, or `mapData` as some SIASN answers carry it). */
export function uploadedPath(json: Record<string, unknown>): Record<string, unknown> | null {
  const data = json.data ?? json.mapData;
  const obj: unknown = Array.isArray(data) ? data[0] : data;
  return obj && typeof obj === 'object' && ('dok_id' in obj || 'dok_uri' in obj || 'object' in obj) ? obj : null;
}

export function documentRecord(
  doc: SiasnDocument,
  extra: { path: Record<string, unknown> } | { idRiwayat: string },
): SiasnDocumentRecord {
  return {
    ref: doc.ref,
    uploadedAt: new Date().toISOString(),
    sha256: createHash('sha256').update(doc.data).digest('hex'),
    ...extra,
  };
}

/**
 * The document SIASN keeps with a row (spec 04 §8.3), read through the owning features' published
 * ports: the DEKP of the evaluation (skp22 `siasn.docRef.skp22`, kinerja periodik `.kinerjaPeriodik`),
 * the issued PAK of the entry's year (angka kredit `.angkaKredit`). Nothing here writes.
 */
@Injectable()
export class SiasnDocuments {
  constructor(
    private readonly evaluations: EvaluationDocumentReader,
    private readonly paks: PakDocumentReader,
    private readonly settings: SiasnSettings,
  ) {}

  async render(row: OutboxRow): Promise<SiasnDocument> {
    const refs = this.settings.rules.docRef;
    try {
      if (row.kind === 'ANGKA_KREDIT') {
        const year = Number(row.payload.tahunSelesaiPenailan);
        const pak = await this.paks.issuedPdf(row.nip, year);
        if (!pak) throw new SiasnDocumentUnavailable(`no issued PAK ${year} for ${row.nip}`, true);
        return { ref: refs.angkaKredit, fileName: `PAK-${row.nip}-${year}.pdf`, data: pak.pdf };
      }
      const evaluationId = /^evaluation:(.+)$/.exec(row.sourceRef)?.[1] ?? '';
      const dekp = await this.evaluations.dekpPdf(evaluationId);
      if (!dekp) throw new SiasnDocumentUnavailable(`evaluation ${evaluationId} is not FINAL (no DEKP)`, true);
      const ref = row.kind === 'SKP22' ? refs.skp22 : refs.kinerjaPeriodik;
      return { ref, fileName: dekp.fileName, data: dekp.pdf };
    } catch (err) {
      if (err instanceof SiasnDocumentUnavailable) throw err;
      throw new SiasnDocumentUnavailable(`document not rendered: ${(err as Error).message}`, isPermanentFailure(err));
    }
  }
}
