import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  approvedStaffSkps,
  createEvalOrg,
  evalPath,
  EvalOrg,
  putRealizations,
  rate,
  setToday,
} from '../support/evaluation-fixtures';
import { EVIDENCE_STORAGE } from '../../src/evaluation/evidence/evidence-storage';
import { LocalEvidenceStorage } from '../../src/evaluation/evidence/local-evidence-storage';
import { EXE, PDF, PNG, TEXT } from '../support/evidence-samples';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** Bukti dukung: multipart upload sniffed by content, SHA-256, list and download for whoever sees the evaluation. */
describe('evaluation evidence files (local directory driver)', () => {
  let t: TestApp;
  let admin: string;
  let org: EvalOrg;
  let skps: Awaited<ReturnType<typeof approvedStaffSkps>>;
  let dir: string;
  const Q = '2026-Q1';

  async function upload(token: string, skpId: string, file: Buffer, name: string, field = 'file') {
    const form = new FormData();
    form.append(field, new Blob([new Uint8Array(file)]), name);
    const res = await fetch(`${t.url}${evalPath(skpId, Q)}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  const rows = async (skpId: string) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM evaluation_evidence WHERE skp_id = $1`, [skpId]))[0].n);
  const stored = (skpId: string) => (existsSync(join(dir, skpId, Q)) ? readdirSync(join(dir, skpId, Q)) : []);
  const download = (token: string, skpId: string, id: string) =>
    fetch(`${t.url}${evalPath(skpId, Q)}/evidence/${id}`, { headers: { authorization: `Bearer ${token}` } });
  function expectFileError(r: { status: number; body: any }, problem: RegExp) {
    expect(r.status).toBe(400);
    expect(r.body).toEqual(
      expect.objectContaining({ statusCode: 400, error: 'Bad Request', correlationId: expect.any(String) }),
    );
    expect(r.body.details).toEqual([{ field: 'file', problem: expect.stringMatching(problem) }]);
  }

  beforeAll(async () => {
    t = await createTestApp();
    // The default driver, in the directory the test environment names (EVIDENCE_DIR, outside the checkout).
    const storage = t.app.get<symbol, LocalEvidenceStorage>(EVIDENCE_STORAGE);
    expect(storage).toBeInstanceOf(LocalEvidenceStorage);
    dir = storage.root;
    admin = await t.adminToken();
    setToday(t, '2026-02-02');
    org = await createEvalOrg(t, 3);
    skps = await approvedStaffSkps(t, org);
    setToday(t, '2026-03-10'); // the quarter's last month: realisations are open
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores an upload with its sniffed type and SHA-256; lists and downloads it for the employee, the PPK and ADMIN', async () => {
    const [me] = org.staff;
    const pdf = await upload(me.token, skps[0].id, PDF, 'Laporan Maret.pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toEqual({
      id: expect.any(String),
      fileName: 'Laporan Maret.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      uploadedBy: me.nip,
      uploadedAt: expect.any(String),
    });
    // The name does not decide the type: a PNG called .txt is a PNG, and its name says so.
    const png = await upload(me.token, skps[0].id, PNG, 'foto kegiatan.txt');
    expect(png.status).toBe(201);
    expect(png.body).toEqual(expect.objectContaining({ fileName: 'foto kegiatan.txt.png', contentType: 'image/png' }));
    expect(stored(skps[0].id).sort()).toEqual([pdf.body.id, png.body.id].sort());

    for (const token of [me.token, org.ppk.token, admin]) {
      const list = await t.request('GET', `${evalPath(skps[0].id, Q)}/evidence`, { token });
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([pdf.body.id, png.body.id]);
    }
    const res = await download(org.ppk.token, skps[0].id, pdf.body.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Laporan Maret.pdf"; filename*=UTF-8''Laporan%20Maret.pdf`,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('answers 404 to whoever may not see the evaluation, 403 to a PPK uploading', async () => {
    const stranger = org.staff[2];
    const before = await rows(skps[0].id);
    const { id } = (await t.request('GET', `${evalPath(skps[0].id, Q)}/evidence`, { token: org.staff[0].token })).body
      .items[0];
    expect((await t.request('GET', `${evalPath(skps[0].id, Q)}/evidence`, { token: stranger.token })).status).toBe(404);
    expect((await download(stranger.token, skps[0].id, id)).status).toBe(404);
    expect((await upload(stranger.token, skps[0].id, PDF, 'a.pdf')).status).toBe(404);
    // An evidence id of another evaluation is not found through this one.
    expect((await download(org.staff[1].token, skps[1].id, id)).status).toBe(404);
    const ppk = await upload(org.ppk.token, skps[0].id, PDF, 'a.pdf');
    expect(ppk.status).toBe(403);
    expect(await rows(skps[0].id)).toBe(before);
  });

  it('refuses a wrong type, a file over 10 MB, no file and a non-multipart body with 400 on `file`, writing nothing', async () => {
    const me = org.staff[1];
    const path = `${evalPath(skps[1].id, Q)}/evidence`;
    expectFileError(await upload(me.token, skps[1].id, TEXT, 'laporan.pdf'), /not a recognised type/);
    expectFileError(await upload(me.token, skps[1].id, EXE, 'laporan.pdf'), /application\/x-msdownload/);
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    expectFileError(await upload(me.token, skps[1].id, big, 'besar.pdf'), /larger than 10485760 bytes/);
    expectFileError(await upload(me.token, skps[1].id, PDF, 'a.pdf', 'lampiran'), /field "file"/);
    const json = await t.request('POST', path, { token: me.token, body: { file: 'x' } });
    expect(json.status).toBe(400);
    expect(json.body.details[0].field).toBe('file');
    expect(await rows(skps[1].id)).toBe(0);
    expect(stored(skps[1].id)).toEqual([]);
  });

  it('leaves no row when the storage fails, and no file when a later step fails', async () => {
    const me = org.staff[1];
    // The driver cannot create the evaluation's folder: the put fails, the row is rolled back.
    mkdirSync(join(dir, skps[1].id), { recursive: true });
    writeFileSync(join(dir, skps[1].id, Q), 'not a folder');
    const r = await upload(me.token, skps[1].id, PDF, 'a.pdf');
    expect(r.status).toBe(500);
    expect(await rows(skps[1].id)).toBe(0);
    rmSync(join(dir, skps[1].id), { recursive: true, force: true });

    const ok = await upload(me.token, skps[1].id, PDF, 'a.pdf');
    expect(ok.status).toBe(201);
    expect(
      (await t.request('DELETE', `${evalPath(skps[1].id, Q)}/evidence/${ok.body.id}`, { token: me.token })).status,
    ).toBe(204);
    expect(await rows(skps[1].id)).toBe(0);
    expect(stored(skps[1].id)).toEqual([]);
  });

  it('refuses uploads and removals once the PPK has rated (409); the files stay downloadable', async () => {
    const me = org.staff[0];
    expect((await putRealizations(t, me, skps[0], Q)).status).toBe(200);
    expect((await rate(t, org.ppk, skps[0], Q, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI')).status).toBe(200);
    const late = await upload(me.token, skps[0].id, PDF, 'terlambat.pdf');
    expect(late.status).toBe(409);
    expect(late.body.details).toEqual([{ field: 'status', problem: 'is RATED' }]);
    const list = await t.request('GET', `${evalPath(skps[0].id, Q)}/evidence`, { token: me.token });
    expect(list.body.items).toHaveLength(2);
    const del = await t.request('DELETE', `${evalPath(skps[0].id, Q)}/evidence/${list.body.items[0].id}`, {
      token: me.token,
    });
    expect(del.status).toBe(409);
    expect((await download(me.token, skps[0].id, list.body.items[1].id)).status).toBe(200);
    expect(stored(skps[0].id)).toHaveLength(2);
  });
});
