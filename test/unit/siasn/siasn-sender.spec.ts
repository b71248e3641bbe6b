import { AppConfig } from '../../../src/config/app-config';
import { validateEnv } from '../../../src/config/env.validation';
import { kinerjaPeriodikPayload, skp22Payload, type SiasnKind } from '../../../src/rules';
import { SiasnClient } from '../../../src/siasn/siasn-client';
import type { SiasnDocuments } from '../../../src/siasn/siasn-documents.service';
import type { SiasnDocumentRecord } from '../../../src/siasn/siasn-outbox.repository';
import type { OutboxRow } from '../../../src/siasn/siasn-outbox.repository';
import type { SiasnPushRepository } from '../../../src/siasn/siasn-push.repository';
import { SiasnSender } from '../../../src/siasn/siasn-sender.service';
import { SiasnSettings } from '../../../src/siasn/siasn-settings';
import { FakeSiasn, startFakeSiasn } from '../../support/siasn-fake';

const NIP = '199001012015011001';
const PDF = Buffer.from('%PDF-1.3\n% a DEKP\n%%EOF\n');
const PNS = 'PNS-1';
const penilai = {
  name: 'Budi',
  nip: '198001012005011002',
  golongan: 'III/d',
  jabatan: 'Kepala Seksi',
  unitName: 'Seksi',
  asn: true,
};
const kp = kinerjaPeriodikPayload({
  period: '2026-Q1',
  jenjang: 'AHLI_PERTAMA',
  resultRating: 'SESUAI_EKSPEKTASI',
  behaviorRating: 'SESUAI_EKSPEKTASI',
  siasnPnsId: PNS,
  penilai,
}).body as unknown as Record<string, unknown>;
const skp = skp22Payload({
  year: 2026,
  resultRating: 'SESUAI_EKSPEKTASI',
  behaviorRating: 'SESUAI_EKSPEKTASI',
  siasnPnsId: PNS,
  penilai,
}).body as unknown as Record<string, unknown>;

/** What the push side kept of the row's document (spec 04 §8.3), as the repository would hand it back. */
let kept: SiasnDocumentRecord | null = null;
const row = (kind: SiasnKind, payload: Record<string, unknown>): OutboxRow => ({
  id: '1',
  kind,
  nip: NIP,
  naturalKey: 'k',
  sourceRef: 's',
  payloadHash: 'h',
  payload,
  state: 'SENDING',
  attempts: 1,
  nextAttemptAt: null,
  siasnId: null,
  lastError: null,
  batchId: null,
  document: kept,
});

/** SIASN_UPDATE_MODE (spec 04 §8.5) against the fake: a key SIASN holds with other values. */
describe('SiasnSender update modes', () => {
  let fake: FakeSiasn;
  let steps: string[];
  const sender = (mode: string) => {
    const cfg = validateEnv({
      JWT_SECRET: 'x'.repeat(48),
      DATABASE_URL: 'postgres://x@127.0.0.1/x',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SIASN_ENABLED: 'true',
      SIASN_ALLOWED_HOSTS: '127.0.0.1',
      SIASN_TIMEOUT_MS: '2000',
      SIASN_UPDATE_MODE: mode,
      ...fake.env(),
    });
    const config = { get: (k: keyof typeof cfg) => cfg[k] } as unknown as AppConfig;
    const settings = new SiasnSettings(config);
    const repo = {
      logAttempt: async (a: { step: string; outcome: string }) => void steps.push(`${a.step}:${a.outcome}`),
      recordDocument: async (_id: string, d: SiasnDocumentRecord) => void (kept = d),
    } as unknown as SiasnPushRepository;
    const documents = {
      render: async (r: OutboxRow) => ({ ref: r.kind === 'SKP22' ? '891' : '890', fileName: 'DEKP.pdf', data: PDF }),
    } as unknown as SiasnDocuments;
    return new SiasnSender(new SiasnClient(settings, config), repo, settings, documents);
  };
  const held = (kind: 'kinerjaperiodik' | 'skp22', body: Record<string, unknown>) =>
    fake.store.insert(kind, NIP, { ...body, hasilKinerjaNilai: 3, perilakuKerjaNilai: 3, kuadranKinerjaNilai: 5 });
  /** The kinerja periodik body as saved: the §8.2 payload with the path of the DEKP uploaded first (§8.3). */
  const withPath = () => ({ ...kp, path: [fake.uploads[0].path] });
  const saves = (path: string) => fake.calls('POST', path).map((r) => JSON.parse(r.body) as Record<string, unknown>);

  beforeAll(async () => {
    fake = await startFakeSiasn();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.clearFaults();
    fake.requests.length = 0;
    fake.store.rows.clear();
    fake.store.addPerson(NIP, PNS);
    fake.uploads.length = 0;
    steps = [];
    kept = null;
  });

  it('SAVE_WITH_ID: one save carrying SIASN’s id, no delete', async () => {
    const id = held('kinerjaperiodik', kp);
    expect(await sender('SAVE_WITH_ID').attempt(row('KINERJA_PERIODIK', kp), 1)).toEqual({
      state: 'SENT',
      siasnId: id,
      note: `updated ${id}`,
    });
    expect(steps).toEqual(['READ:OK', 'UPLOAD:OK', 'SAVE:OK']);
    expect(saves('/kinerjaperiodik/save')).toEqual([{ ...withPath(), id }]);
    expect(fake.calls('DELETE', '/')).toHaveLength(0);
    expect(fake.store.list('kinerjaperiodik', NIP)).toEqual([expect.objectContaining({ id, body: withPath() })]);
  });

  it('DELETE_THEN_SAVE: delete, then a save without id; skp22 (no delete in SIASN) is saved with the id', async () => {
    const old = held('kinerjaperiodik', kp);
    const out = await sender('DELETE_THEN_SAVE').attempt(row('KINERJA_PERIODIK', kp), 1);
    expect(out).toMatchObject({ state: 'SENT', note: 'saved' });
    expect(steps).toEqual(['READ:OK', 'DELETE:OK', 'UPLOAD:OK', 'SAVE:OK']);
    expect(fake.calls('DELETE', `/kinerjaperiodik/delete/${old}`)).toHaveLength(1);
    expect(saves('/kinerjaperiodik/save')).toEqual([withPath()]);
    const now = fake.store.list('kinerjaperiodik', NIP);
    expect(now).toEqual([expect.objectContaining({ body: withPath() })]);
    expect(out).toMatchObject({ siasnId: now[0].id });

    const skpId = held('skp22', skp);
    expect(await sender('DELETE_THEN_SAVE').attempt(row('SKP22', skp), 1)).toMatchObject({
      state: 'SENT',
      siasnId: skpId,
    });
    expect(saves('/skp22/save')).toEqual([{ ...skp, id: skpId }]);
  });

  it('DELETE_THEN_SAVE: a save refused after the delete says so; the next attempt reads the key missing and saves once', async () => {
    const old = held('kinerjaperiodik', kp);
    fake.failNext('/kinerjaperiodik/save', { businessError: 'Gagal menyimpan' });
    const s = sender('DELETE_THEN_SAVE');
    expect(await s.attempt(row('KINERJA_PERIODIK', kp), 1)).toEqual({
      state: 'FAILED',
      error: `SIASN: Gagal menyimpan (SIASN row ${old} was deleted before this save)`,
    });
    expect(fake.store.list('kinerjaperiodik', NIP)).toHaveLength(0);
    expect(await s.attempt(row('KINERJA_PERIODIK', kp), 2)).toMatchObject({ state: 'SENT', note: 'saved' });
    // The DEKP went up once: the second attempt saves with the path kept on the row.
    expect(steps).toEqual(['READ:OK', 'DELETE:OK', 'UPLOAD:OK', 'SAVE:FAILED', 'READ:OK', 'SAVE:OK']);
    expect(fake.uploads).toHaveLength(1);
    expect(fake.calls('DELETE', '/kinerjaperiodik/delete')).toHaveLength(1);
    expect(fake.store.list('kinerjaperiodik', NIP)).toEqual([expect.objectContaining({ body: withPath() })]);
  });

  it('MANUAL: FAILED with the differing fields, nothing written; once SIASN holds the values, SENT without a write', async () => {
    const id = held('kinerjaperiodik', kp);
    const s = sender('MANUAL');
    const out = await s.attempt(row('KINERJA_PERIODIK', kp), 1);
    expect(out).toEqual({
      state: 'FAILED',
      error:
        `SIASN sudah menyimpan data ini dengan nilai lain (ID ${id}: hasilKinerjaNilai, perilakuKerjaNilai, ` +
        'kuadranKinerjaNilai); perbarui di SIASN lalu Coba lagi / SIASN holds it with other values; SIASN_UPDATE_MODE=MANUAL',
    });
    expect(steps).toEqual(['READ:OK']);
    fake.store.tamper(id, kp);
    expect(await s.attempt(row('KINERJA_PERIODIK', kp), 2)).toEqual({
      state: 'SENT',
      siasnId: id,
      note: 'SIASN already holds these values',
    });
    expect(fake.calls('POST', '/')).toHaveLength(0);
    expect(fake.calls('DELETE', '/')).toHaveLength(0);
  });
});
