import { Injectable } from '@nestjs/common';
import type { SiasnKind } from '../rules';
import { requestHash, SiasnAnswer, SiasnClient, SiasnRequest, SiasnTransportError } from './siasn-client';
import type { OutboxRow } from './siasn-outbox.repository';
import {
  documentDone,
  documentRecord,
  SiasnDocument,
  SiasnDocumentUnavailable,
  SiasnDocuments,
  uploadedPath,
  uploadRequest,
  uploadsBeforeSave,
} from './siasn-documents.service';
import { SiasnPushRepository } from './siasn-push.repository';
import { readback, riwayatPath } from './siasn-readback.util';
import { SiasnSettings } from './siasn-settings';

/** How one attempt ended: SIASN holds the row, a person must act, or try again later. */
export type SendOutcome =
  | { state: 'SENT'; siasnId: string; note: string }
  | { state: 'FAILED'; error: string }
  | { state: 'RETRY'; error: string };

const SAVE: Record<SiasnKind, { path: string; idKey: string; deletePath: string | null }> = {
  SKP22: { path: '/skp22/save', idKey: 'rwSkpId', deletePath: null },
  KINERJA_PERIODIK: {
    path: '/kinerjaperiodik/save',
    idKey: 'rwKinerjaPeriodikId',
    deletePath: '/kinerjaperiodik/delete/',
  },
  ANGKA_KREDIT: { path: '/angkakredit/save', idKey: 'rwAngkaKreditId', deletePath: '/angkakredit/delete/' },
};

/** A step's answer classified: go on with the JSON, retry later, or stop for a person. */
type Step = { ok: true; json: Record<string, unknown> } | { ok: false; outcome: SendOutcome };

const excerpt = (text: string) => text.slice(0, 1000);

/**
 * One attempt at one outbox row (spec 04 §8.5): read SIASN's riwayat for the row's natural key first
 * (SIASN already holds the same values → SENT with its id, nothing written: a repeat after a crash
 * writes no duplicate); a different row there → `SIASN_UPDATE_MODE`; then the `…/save` body. The
 * document (§8.3) is part of the attempt: kinerja periodik uploads the DEKP with `upload-dok` before
 * the save and sends its path in the body; skp22 (DEKP) and angka kredit (PAK) attach it to the saved
 * riwayat with `upload-dok-rw`. What was uploaded is kept on the row (`document`), so a retry uploads
 * only what is missing and a row saved earlier is not saved again. Network failures, timeouts, 5xx and
 * 429 → try again later; other 4xx and `success: false` → FAILED with SIASN's message. Every call is
 * logged in siasn_attempts (request hash, status, excerpt, time).
 */
@Injectable()
export class SiasnSender {
  constructor(
    private readonly client: SiasnClient,
    private readonly repo: SiasnPushRepository,
    private readonly settings: SiasnSettings,
    private readonly documents: SiasnDocuments,
  ) {}

  async attempt(row: OutboxRow, attempt: number): Promise<SendOutcome> {
    const read = await this.step(row, attempt, 'READ', { method: 'GET', path: riwayatPath(row.kind, row.nip) });
    if (!read.ok) return read.outcome;
    const list = read.json.code === 0 ? [] : read.json.data;
    const found = readback(row.kind, row.payload, list);
    if (found.found === 'SAME') {
      // Saved before (a crash or a failed upload after the save): only the document may be missing.
      if (uploadsBeforeSave(row.kind) || documentDone(row, found.siasnId))
        return { state: 'SENT', siasnId: found.siasnId, note: 'SIASN already holds these values' };
      return this.uploadAfterSave(row, attempt, found.siasnId, 'SIASN already held these values');
    }
    const save = SAVE[row.kind];
    let id: string | undefined;
    let deleted: string | null = null;
    if (found.found === 'DIFFERENT') {
      const mode = this.settings.rules.updateMode;
      // MANUAL (§8.5): the engine never overwrites SIASN; the row waits FAILED for a person (docs/siasn.md).
      if (mode === 'MANUAL')
        return {
          state: 'FAILED',
          error:
            `SIASN sudah menyimpan data ini dengan nilai lain (ID ${found.siasnId}: ${found.fields.join(', ')}); ` +
            `perbarui di SIASN lalu Coba lagi / SIASN holds it with other values; SIASN_UPDATE_MODE=MANUAL`,
        };
      if (mode === 'DELETE_THEN_SAVE' && save.deletePath) {
        const del = await this.step(row, attempt, 'DELETE', {
          method: 'DELETE',
          path: `${save.deletePath}${found.siasnId}`,
        });
        if (!del.ok) return del.outcome;
        deleted = found.siasnId;
      } else id = found.siasnId;
    }
    let body: Record<string, unknown> = { ...row.payload, ...(id ? { id } : {}) };
    let doc: SiasnDocument | null = null;
    if (uploadsBeforeSave(row.kind)) {
      // Kinerja periodik (§8.3): the DEKP goes first; its path object is part of the save body.
      const path = await this.pathBeforeSave(row, attempt);
      if (!path.ok) return path.outcome;
      body = { ...body, path: [path.path] };
    } else {
      // Rendered before the save: a document that cannot be made stops the row before SIASN is written.
      const rendered = await this.render(row, attempt);
      if (!rendered.ok) return rendered.outcome;
      doc = rendered.doc;
    }
    const saved = await this.step(row, attempt, 'SAVE', { method: 'POST', path: save.path, json: body });
    // A save refused after the delete: SIASN holds nothing for the key until a person acts (a retry re-reads
    // the key missing and saves it), so the operator is told.
    if (!saved.ok && deleted && saved.outcome.state === 'FAILED')
      return { state: 'FAILED', error: `${saved.outcome.error} (SIASN row ${deleted} was deleted before this save)` };
    if (!saved.ok) return saved.outcome;
    const mapData = saved.json.mapData as Record<string, unknown> | null | undefined;
    const siasnId = mapData?.[save.idKey];
    if (typeof siasnId !== 'string' && typeof siasnId !== 'number')
      return { state: 'FAILED', error: `SIASN answered success without ${save.idKey}` };
    const note = id ? `updated ${id}` : 'saved';
    if (doc) return this.uploadAfterSave(row, attempt, String(siasnId), note, doc);
    return { state: 'SENT', siasnId: String(siasnId), note };
  }

  /** skp22 and angka kredit (§8.3): the document attached to the saved riwayat with `upload-dok-rw`. */
  private async uploadAfterSave(
    row: OutboxRow,
    attempt: number,
    siasnId: string,
    note: string,
    rendered?: SiasnDocument,
  ): Promise<SendOutcome> {
    let doc = rendered;
    if (!doc) {
      const r = await this.render(row, attempt);
      if (!r.ok) return r.outcome;
      doc = r.doc;
    }
    const up = await this.step(row, attempt, 'UPLOAD', uploadRequest(doc, siasnId));
    if (!up.ok) return up.outcome;
    await this.repo.recordDocument(row.id, documentRecord(doc, { idRiwayat: siasnId }));
    return { state: 'SENT', siasnId, note: `${note}; document ${doc.ref} uploaded` };
  }

  /** Kinerja periodik: the path of the document uploaded by an earlier attempt, else `upload-dok` now. */
  private async pathBeforeSave(
    row: OutboxRow,
    attempt: number,
  ): Promise<{ ok: true; path: Record<string, unknown> } | { ok: false; outcome: SendOutcome }> {
    if (row.document?.path) return { ok: true, path: row.document.path };
    const r = await this.render(row, attempt);
    if (!r.ok) return r;
    const up = await this.step(row, attempt, 'UPLOAD', uploadRequest(r.doc, null));
    if (!up.ok) return up;
    const path = uploadedPath(up.json);
    if (!path) return { ok: false, outcome: { state: 'FAILED', error: 'SIASN upload-dok answered without a path' } };
    await this.repo.recordDocument(row.id, documentRecord(r.doc, { path }));
    return { ok: true, path };
  }

  /** The row's document; a failure is logged as a RENDER step (no HTTP call was made). */
  private async render(
    row: OutboxRow,
    attempt: number,
  ): Promise<{ ok: true; doc: SiasnDocument } | { ok: false; outcome: SendOutcome }> {
    const started = Date.now();
    try {
      return { ok: true, doc: await this.documents.render(row) };
    } catch (err) {
      const permanent = err instanceof SiasnDocumentUnavailable && err.permanent;
      const error = `RENDER: ${(err as Error).message}`;
      const outcome: SendOutcome = permanent ? { state: 'FAILED', error } : { state: 'RETRY', error };
      await this.log(row, attempt, 'RENDER', null, null, error, outcome.state, Date.now() - started);
      return { ok: false, outcome };
    }
  }

  private async step(row: OutboxRow, attempt: number, step: string, r: SiasnRequest): Promise<Step> {
    const hash = requestHash(r);
    const started = Date.now();
    let answer: SiasnAnswer;
    try {
      answer = await this.client.call(r);
    } catch (err) {
      const e = err as Error;
      const refused = err instanceof SiasnTransportError && err.kind === 'REFUSED';
      const outcome: SendOutcome = refused
        ? { state: 'FAILED', error: e.message }
        : { state: 'RETRY', error: e.message };
      await this.log(row, attempt, step, hash, null, e.message, refused ? 'FAILED' : 'RETRY', Date.now() - started);
      return { ok: false, outcome };
    }
    const json = (answer.json && typeof answer.json === 'object' ? answer.json : {}) as Record<string, unknown>;
    const message = typeof json.message === 'string' ? json.message : excerpt(answer.text);
    let outcome: SendOutcome | null = null;
    if (answer.status === 429 || answer.status === 408 || answer.status >= 500)
      outcome = { state: 'RETRY', error: `${step} HTTP ${answer.status}: ${message}` };
    else if (answer.status < 200 || answer.status >= 300)
      outcome = { state: 'FAILED', error: `${step} HTTP ${answer.status}: ${message}` };
    else if (step !== 'READ' && (json.success === false || json.code === 0))
      outcome = { state: 'FAILED', error: `SIASN: ${message}` };
    await this.log(
      row,
      attempt,
      step,
      hash,
      answer.status,
      excerpt(answer.text),
      outcome?.state ?? 'OK',
      answer.durationMs,
    );
    return outcome ? { ok: false, outcome } : { ok: true, json };
  }

  private log(
    row: OutboxRow,
    attempt: number,
    step: string,
    requestHash: string | null,
    httpStatus: number | null,
    response: string,
    outcome: string,
    durationMs: number,
  ) {
    return this.repo.logAttempt({
      outboxId: row.id,
      attempt,
      step,
      requestHash,
      httpStatus,
      response,
      outcome,
      durationMs,
    });
  }
}
