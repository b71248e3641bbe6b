import { createHash } from 'node:crypto';
import { PakDocumentReader } from '../../../src/angka-kredit/pak-document-reader.service';
import { UnprocessableError } from '../../../src/common/domain-errors';
import { AppConfig } from '../../../src/config/app-config';
import { EvaluationDocumentReader } from '../../../src/evaluation/evaluation-document-reader.service';
import { validateEnv } from '../../../src/config/env.validation';
import { kinerjaPeriodikPayload, skp22Payload } from '../../../src/rules';
import { requestHash, SiasnClient } from '../../../src/siasn/siasn-client';
import type { SiasnDocumentRecord } from '../../../src/siasn/siasn-outbox.repository';
import {
  documentDone,
  SiasnDocuments,
  SiasnDocumentUnavailable,
  uploadedPath,
  uploadRequest,
} from '../../../src/siasn/siasn-documents.service';
import type { OutboxRow } from '../../../src/siasn/siasn-outbox.repository';
import type { SiasnPushRepository } from '../../../src/siasn/siasn-push.repository';
import { SiasnSender } from '../../../src/siasn/siasn-sender.service';
import { SiasnSettings } from '../../../src/siasn/siasn-settings';
import { FakeSiasn, startFakeSiasn } from '../../support/siasn-fake';

const NIP = '199001012015011001';
const PDF = Buffer.from('%PDF-1.3\n% a DEKP\n%%EOF\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const penilai = {
  name: 'Budi',
  nip: '197001011995031001',
  golongan: 'III/d',
  jabatan: 'Kepala',
  unitName: 'Unit',
  asn: true,
};
const ratings = { resultRating: 'SESUAI_EKSPEKTASI', behaviorRating: 'SESUAI_EKSPEKTASI' } as const;

function appConfig(env: Record<string, string>): AppConfig {
  const cfg = validateEnv({
    JWT_SECRET: 'x'.repeat(48),
    DATABASE_URL: 'postgres://x@127.0.0.1/x',
    REDIS_URL: 'redis://127.0.0.1:6379',
    ...env,
  });
  return { get: (k: keyof typeof cfg) => cfg[k] } as unknown as AppConfig;
}

function row(kind: OutboxRow['kind'], document: SiasnDocumentRecord | null = null): OutboxRow {
  const payload =
    kind === 'SKP22'
      ? skp22Payload({ year: 2026, ...ratings, siasnPnsId: 'PNS-1', penilai }).body
      : kinerjaPeriodikPayload({ period: '2026-Q1', jenjang: 'AHLI_PERTAMA', ...ratings, siasnPnsId: 'PNS-1', penilai })
          .body;
  return {
    id: '7',
    kind,
    nip: NIP,
    naturalKey: 'k',
    sourceRef: 'evaluation:00000000-0000-0000-0000-000000000001',
    payloadHash: 'h',
    payload: payload as unknown as Record<string, unknown>,
    state: 'SENDING',
    attempts: 1,
    nextAttemptAt: null,
    siasnId: null,
    lastError: null,
    batchId: null,
    document,
  };
}

/** The document part of one attempt (spec 04 §8.3), with the real client against the fake SIASN. */
describe('SiasnSender documents', () => {
  let fake: FakeSiasn;
  let steps: { step: string; outcome: string; httpStatus: number | null }[];
  let recorded: SiasnDocumentRecord[];
  let render: jest.Mock;

  beforeAll(async () => {
    fake = await startFakeSiasn();
    fake.store.addPerson(NIP, 'PNS-1');
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.clearFaults();
    fake.store.rows.clear();
    fake.requests.length = 0;
    fake.uploads.length = 0;
    steps = [];
    recorded = [];
    render = jest.fn(async (r: OutboxRow) => ({
      ref: r.kind === 'SKP22' ? '891' : '890',
      fileName: 'DEKP.pdf',
      data: PDF,
    }));
  });

  function sender(): SiasnSender {
    const config = appConfig({ SIASN_ENABLED: 'true', SIASN_ALLOWED_HOSTS: '127.0.0.1', ...fake.env() });
    const settings = new SiasnSettings(config);
    const repo = {
      logAttempt: async (a: { step: string; outcome: string; httpStatus: number | null }) =>
        void steps.push({ step: a.step, outcome: a.outcome, httpStatus: a.httpStatus }),
      recordDocument: async (_id: string, d: SiasnDocumentRecord) => void recorded.push(d),
    } as unknown as SiasnPushRepository;
    const documents = { render } as unknown as SiasnDocuments;
    return new SiasnSender(new SiasnClient(settings, config), repo, settings, documents);
  }
  const names = () => steps.map((s) => `${s.step}:${s.outcome}`);

  it('skp22: saves, then uploads the DEKP to the saved riwayat with upload-dok-rw and keeps that on the row', async () => {
    const out = await sender().attempt(row('SKP22'), 1);
    const [held] = fake.store.list('skp22', NIP);
    expect(out).toEqual({ state: 'SENT', siasnId: held.id, note: 'saved; document 891 uploaded' });
    expect(names()).toEqual(['READ:OK', 'SAVE:OK', 'UPLOAD:OK']);
    expect(fake.uploads).toEqual([
      expect.objectContaining({
        endpoint: '/upload-dok-rw',
        idRiwayat: held.id,
        idRefDokumen: '891',
        contentType: 'application/pdf',
        fileName: 'DEKP.pdf',
        sha256: sha(PDF),
      }),
    ]);
    expect(recorded).toEqual([{ ref: '891', idRiwayat: held.id, sha256: sha(PDF), uploadedAt: expect.any(String) }]);
  });

  it('skp22 held with the same values: uploads only a missing document, nothing when it is there', async () => {
    const id = fake.store.save('skp22', row('SKP22').payload)!.id;
    const out = await sender().attempt(row('SKP22'), 2);
    expect(out).toMatchObject({ state: 'SENT', siasnId: id });
    expect(names()).toEqual(['READ:OK', 'UPLOAD:OK']);
    expect(fake.calls('POST', '/skp22/save')).toHaveLength(0);

    steps = [];
    const done = { ref: '891', uploadedAt: '2027-01-08T00:00:00.000Z', sha256: sha(PDF), idRiwayat: id };
    expect(await sender().attempt(row('SKP22', done), 3)).toMatchObject({ state: 'SENT', siasnId: id });
    expect(names()).toEqual(['READ:OK']);
    expect(fake.uploads).toHaveLength(1);
  });

  it('skp22: a document that cannot be rendered stops the row before anything is written to SIASN', async () => {
    render.mockRejectedValueOnce(new SiasnDocumentUnavailable('evaluation x is not FINAL (no DEKP)', true));
    const out = await sender().attempt(row('SKP22'), 1);
    expect(out).toEqual({ state: 'FAILED', error: 'RENDER: evaluation x is not FINAL (no DEKP)' });
    expect(steps).toEqual([
      { step: 'READ', outcome: 'OK', httpStatus: 200 },
      { step: 'RENDER', outcome: 'FAILED', httpStatus: null },
    ]);
    expect(fake.store.rows.size).toBe(0);
  });

  it('an upload SIASN refuses (success: false) is FAILED with its message; a 5xx is retried', async () => {
    fake.failNext('/upload-dok-rw', { businessError: 'Jenis dokumen tidak dikenal' });
    expect(await sender().attempt(row('SKP22'), 1)).toEqual({
      state: 'FAILED',
      error: 'SIASN: Jenis dokumen tidak dikenal',
    });
    fake.store.rows.clear();
    fake.failNext('/upload-dok', { status: 503 });
    const out = await sender().attempt(row('KINERJA_PERIODIK'), 1);
    expect(out).toMatchObject({ state: 'RETRY', error: expect.stringContaining('UPLOAD HTTP 503') });
    expect(fake.calls('POST', '/kinerjaperiodik/save')).toHaveLength(0);
    expect(recorded).toEqual([]);
  });

  it('kinerja periodik: upload-dok first, its path in the save body; a retry reuses the kept path', async () => {
    const out = await sender().attempt(row('KINERJA_PERIODIK'), 1);
    expect(out.state).toBe('SENT');
    expect(names()).toEqual(['READ:OK', 'UPLOAD:OK', 'SAVE:OK']);
    const [up] = fake.uploads;
    expect(up).toMatchObject({ endpoint: '/upload-dok', idRiwayat: null, idRefDokumen: '890' });
    expect(fake.store.list('kinerjaperiodik', NIP)[0].body.path).toEqual([up.path]);
    expect(recorded).toEqual([{ ref: '890', path: up.path, sha256: sha(PDF), uploadedAt: expect.any(String) }]);

    // A later attempt of a row whose upload went through (its save failed) saves with the same path.
    fake.store.rows.clear();
    steps = [];
    const again = await sender().attempt(row('KINERJA_PERIODIK', recorded[0]), 2);
    expect(again.state).toBe('SENT');
    expect(names()).toEqual(['READ:OK', 'SAVE:OK']);
    expect(fake.uploads).toHaveLength(1);
    expect(fake.store.list('kinerjaperiodik', NIP)[0].body.path).toEqual([up.path]);
  });
});

describe('SIASN document helpers', () => {
  const doc = { ref: '879', fileName: 'PAK.pdf', data: PDF };

  it('builds upload-dok (no riwayat) and upload-dok-rw requests; the request hash covers the file', () => {
    expect(uploadRequest(doc, null)).toMatchObject({
      method: 'POST',
      path: '/upload-dok',
      multipart: { fields: { id_ref_dokumen: '879' }, file: { contentType: 'application/pdf', name: 'PAK.pdf' } },
    });
    const rw = uploadRequest(doc, 'RW-1');
    expect(rw).toMatchObject({
      path: '/upload-dok-rw',
      multipart: { fields: { id_riwayat: 'RW-1', id_ref_dokumen: '879' } },
    });
    expect(requestHash(rw)).not.toBe(requestHash(uploadRequest({ ...doc, data: Buffer.from('%PDF-other') }, 'RW-1')));
  });

  it('reads the path object from data or mapData, alone or in a list; nothing else is a path', () => {
    const p = { dok_id: '1', dok_nama: 'a.pdf', dok_uri: 'x/a.pdf', object: 'a.pdf', slug: '890' };
    expect(uploadedPath({ success: true, data: p })).toEqual(p);
    expect(uploadedPath({ success: true, mapData: [p] })).toEqual(p);
    expect(uploadedPath({ success: true, data: 'ok' })).toBeNull();
    expect(uploadedPath({ success: true })).toBeNull();
  });

  it('knows what is missing: the path before a kinerja periodik save, the riwayat of the others', () => {
    const rec = { ref: '891', uploadedAt: 'x', sha256: 's' };
    expect(documentDone({ kind: 'SKP22', document: null }, 'A')).toBe(false);
    expect(documentDone({ kind: 'SKP22', document: { ...rec, idRiwayat: 'A' } }, 'A')).toBe(true);
    expect(documentDone({ kind: 'ANGKA_KREDIT', document: { ...rec, idRiwayat: 'A' } }, 'B')).toBe(false);
    expect(documentDone({ kind: 'KINERJA_PERIODIK', document: { ...rec, path: { dok_id: '1' } } }, null)).toBe(true);
    expect(documentDone({ kind: 'KINERJA_PERIODIK', document: rec }, null)).toBe(false);
  });
});

/** Which document a row gets, through the owning features' read ports, with the configured reference. */
describe('SiasnDocuments', () => {
  const dekpPdf = jest.fn();
  const issuedPdf = jest.fn();
  const documents = (env: Record<string, string> = {}) =>
    new SiasnDocuments(
      { dekpPdf } as unknown as EvaluationDocumentReader,
      { issuedPdf } as unknown as PakDocumentReader,
      new SiasnSettings(appConfig(env)),
    );
  beforeEach(() => {
    dekpPdf.mockReset().mockResolvedValue({ pdf: PDF, fileName: 'DEKP-x-2026.pdf' });
    issuedPdf.mockReset().mockResolvedValue({ pdf: PDF, number: '800/1/PAK/2026', issuedOn: '2027-01-08' });
  });

  it('the DEKP of the evaluation (skp22 891, kinerja periodik 890 by default; configurable)', async () => {
    expect(await documents().render(row('SKP22'))).toEqual({ ref: '891', fileName: 'DEKP-x-2026.pdf', data: PDF });
    expect(dekpPdf).toHaveBeenCalledWith('00000000-0000-0000-0000-000000000001');
    expect((await documents().render(row('KINERJA_PERIODIK'))).ref).toBe('890');
    const configured = documents({ SIASN_DOC_REF_SKP22: '890', SIASN_DOC_REF_KINERJA_PERIODIK: '1179' });
    expect((await configured.render(row('SKP22'))).ref).toBe('890');
    expect((await configured.render(row('KINERJA_PERIODIK'))).ref).toBe('1179');
    expect(() => appConfig({ SIASN_DOC_REF_SKP22: '999' })).toThrow(/SIASN_DOC_REF_SKP22/);
  });

  it('the issued PAK of the entry year (879); none issued or no DEKP is for a person, a crash is retried', async () => {
    const ak = { ...row('SKP22'), kind: 'ANGKA_KREDIT' as const, payload: { tahunSelesaiPenailan: '2026' } };
    expect(await documents({ SIASN_DOC_REF_ANGKA_KREDIT: '880' }).render(ak)).toEqual({
      ref: '880',
      fileName: `PAK-${NIP}-2026.pdf`,
      data: PDF,
    });
    expect(issuedPdf).toHaveBeenCalledWith(NIP, 2026);
    issuedPdf.mockResolvedValueOnce(null);
    await expect(documents().render(ak)).rejects.toMatchObject({
      permanent: true,
      message: expect.stringMatching(/no issued PAK 2026/),
    });
    dekpPdf.mockResolvedValueOnce(null);
    await expect(documents().render(row('SKP22'))).rejects.toMatchObject({ permanent: true });
    dekpPdf.mockRejectedValueOnce(new UnprocessableError('Pegawai tidak memiliki jabatan'));
    await expect(documents().render(row('SKP22'))).rejects.toMatchObject({ permanent: true });
    dekpPdf.mockRejectedValueOnce(new Error('Connection terminated'));
    await expect(documents().render(row('SKP22'))).rejects.toMatchObject({
      permanent: false,
      message: 'document not rendered: Connection terminated',
    });
  });
});
