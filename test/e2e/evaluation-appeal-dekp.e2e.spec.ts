import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { QueuesService } from '../../src/jobs/queues.service';
import { declaredJob } from '../../src/jobs/job-catalogue';
import { jobOptions } from '../../src/jobs/job-declaration';
import { eventually } from '../support/eventually';
import {
  approvedStaffSkps,
  createEvalOrg,
  evalPath,
  EvalOrg,
  getBinary,
  overlappingText,
  pdfText,
  putRealizations,
  rate,
  setPerformance,
  setToday,
} from '../support/evaluation-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const DAY = 24 * 3600 * 1000;

describe('distribution justification, the objection window, the expiry job and the DEKP document', () => {
  let t: TestApp;
  let admin: string;
  let org: EvalOrg;
  let skps: Awaited<ReturnType<typeof approvedStaffSkps>>;
  const Q = '2026-Q2';
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
    setToday(t, '2026-02-02');
    org = await createEvalOrg(t, 3);
    skps = await approvedStaffSkps(t, org);
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  it('refuses org predicate BAIK with nobody BUTUH_PERBAIKAN or KURANG, and accepts it with a justification kept in the audit trail', async () => {
    setToday(t, '2026-07-06');
    // staff[0] is promoted from 1 July (after the period): the DEKP must still show the Q2 position and golongan
    const promo = await t.request('PATCH', `/api/v1/employees/${org.staff[0].nip}`, {
      token: admin,
      body: {
        effectiveFrom: '2026-07-01',
        golongan: 'III/b',
        position: {
          title: 'Analis Layanan Kesehatan Ahli Pertama',
          kind: 'FUNGSIONAL',
          jenjang: 'AHLI_PERTAMA',
          kelasJabatan: 8,
          tmt: '2026-07-01',
        },
        reason: 'Promosi',
      },
    });
    expect(promo.status).toBe(200);
    expect(
      (await t.request('GET', `/api/v1/employees/${org.staff[0].nip}`, { token: admin })).body.position.title,
    ).toBe('Analis Layanan Kesehatan Ahli Pertama');

    expect((await setPerformance(t, org.leader.token, org.unitCode, Q, 'BAIK')).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      expect((await putRealizations(t, org.staff[i], skps[i], Q)).status).toBe(200);
      const r = await rate(
        t,
        org.ppk,
        skps[i],
        Q,
        'SESUAI_EKSPEKTASI',
        'SESUAI_EKSPEKTASI',
        'Tingkatkan dokumentasi bukti dukung',
      );
      expect(r.body.predicate).toBe('BAIK');
    }
    const dist = await t.request('GET', `/api/v1/units/${org.unitCode}/distribution/${Q}`, { token: org.ppk.token });
    expect(dist.body).toMatchObject({ orgPredicate: 'BAIK', population: 3, ok: false });
    expect(dist.body.violations.map((v: { rule: string }) => v.rule).sort()).toEqual([
      'BAIK_BP_OR_K_REQUIRED',
      'BAIK_B_MAX_70',
    ]);

    const refused = await t.request('POST', `${evalPath(skps[0].id, Q)}/finalize`, { token: org.ppk.token, body: {} });
    expect(refused.status).toBe(422);
    expect(refused.body.violations.map((v: { rule: string }) => v.rule)).toContain('BAIK_BP_OR_K_REQUIRED');
    expect(refused.body.details.map((d: { problem: string }) => d.problem).join(' ')).toContain(
      'BAIK_BP_OR_K_REQUIRED',
    );
    expect((await t.request('GET', evalPath(skps[0].id, Q), { token: org.staff[0].token })).body.status).toBe('RATED');

    const justification =
      'Seluruh pegawai seksi mencapai target rujukan; tidak ada yang layak Butuh Perbaikan (notulen rapat 3 Juli 2026).';
    for (let i = 0; i < 3; i++) {
      const ok = await t.request('POST', `${evalPath(skps[i].id, Q)}/finalize`, {
        token: org.ppk.token,
        body: { justification },
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        status: 'ISSUED',
        distributionJustification: justification,
        distribution: { ok: false },
      });
    }
    const audit = await t.dataSource.query(
      `SELECT action, actor, reason, after FROM audit_log WHERE entity_type = 'Evaluation' AND entity_id = $1 AND action LIKE 'evaluation.finalize%'`,
      [(await t.request('GET', evalPath(skps[0].id, Q), { token: admin })).body.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'evaluation.finalize.distribution-override',
      actor: org.ppk.nip,
      reason: justification,
    });
    expect(audit[0].after.distribution.violations).toEqual(expect.arrayContaining(['BAIK_BP_OR_K_REQUIRED']));
  });

  it('accepts an objection inside the window, refuses one after 14 days (409), and the expiry job finalises the untouched ones', async () => {
    // day 3: staff[2] objects and the atasan PPK decides
    t.clock.advance(3 * DAY);
    expect(
      (
        await t.request('POST', `${evalPath(skps[2].id, Q)}/objection`, {
          token: org.staff[2].token,
          body: { reason: 'Capaian rujukan saya 110 % dari target, bukan sesuai ekspektasi.' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await t.request('POST', `${evalPath(skps[2].id, Q)}/objection/explanation`, {
          token: org.ppk.token,
          body: { text: 'Capaian 110 % baru terlihat pada laporan akhir Juni.' },
        })
      ).status,
    ).toBe(200);
    const d = await t.request('POST', `${evalPath(skps[2].id, Q)}/objection/decision`, {
      token: org.head.token,
      body: {
        resultRating: 'DI_ATAS_EKSPEKTASI',
        behaviorRating: 'DI_ATAS_EKSPEKTASI',
        decisionNote: 'Keberatan diterima; capaian di atas ekspektasi.',
      },
    });
    expect(d.body).toMatchObject({
      status: 'FINAL',
      predicate: 'SANGAT_BAIK',
      objection: { original: { predicate: 'BAIK' } },
    });
    expect(d.body.objection.distributionAfterDecision).toMatchObject({
      counts: { SANGAT_BAIK: 1, BAIK: 2 },
      orgPredicate: 'BAIK',
    });

    // day 15: the window (14 calendar days) has closed
    t.clock.advance(12 * DAY);
    const late = await t.request('POST', `${evalPath(skps[0].id, Q)}/objection`, {
      token: org.staff[0].token,
      body: { reason: 'Saya baru sempat mengajukan keberatan sekarang.' },
    });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('Batas waktu keberatan');

    // the maintenance job (through the worker) finalises the two untouched ISSUED evaluations
    const queues = t.app.get(QueuesService);
    // a unique job id: receipts are keyed by job id, and numeric BullMQ ids repeat across queue prefixes sharing a database
    await queues
      .queue('maintenance')
      .add(
        'evaluation.expire-objection-windows',
        {},
        { ...jobOptions(declaredJob('evaluation.expire-objection-windows')), jobId: `test-expire-${randomUUID()}` },
      );
    for (const i of [0, 1]) {
      const final = await eventually(async () => {
        const r = await t.request('GET', evalPath(skps[i].id, Q), { token: org.staff[i].token });
        if (r.body.status !== 'FINAL') throw new Error(`still ${r.body.status}`);
        return r.body;
      });
      expect(final).toMatchObject({ status: 'FINAL', finalizedBy: 'EXPIRY', predicate: 'BAIK' });
      const ev = await t.dataSource.query(
        `SELECT dedupe_key FROM outbox WHERE event_type = 'EvaluationFinalized' AND aggregate_id = $1`,
        [final.id],
      );
      expect(ev).toEqual([{ dedupe_key: `evaluation-finalized:${final.id}:0` }]);
      expect(final.history.at(-1)).toMatchObject({ from: 'ISSUED', to: 'FINAL', action: 'EXPIRY', actor: 'system' });
    }
    // FINAL is immutable for everyone but an ADMIN correction
    expect((await t.request('POST', `${evalPath(skps[0].id, Q)}/accept`, { token: org.staff[0].token })).status).toBe(
      409,
    );
    expect((await rate(t, org.ppk, skps[0], Q, 'DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI')).status).toBe(409);
  });

  it('renders the DEKP as a PDF with the period-time position after a later promotion, Indonesian dates and spaced NIPs', async () => {
    const res = await getBinary(t, `${evalPath(skps[0].id, Q)}/document.pdf`, org.staff[0].token);
    expect(res.status).toBe(200);
    expect(res.contentType).toContain('application/pdf');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(res.body)).replace(/\s+/g, ' ');
    expect(text).toContain('DOKUMEN EVALUASI KINERJA PEGAWAI');
    expect(text).toContain('Pemerintah Kabupaten Contoh');
    expect(text).toContain('1 April 2026 s.d. 30 Juni 2026');
    // the Q2 position and golongan, not the July promotion
    expect(text).toContain('Pengelola Layanan Rujukan');
    expect(text).not.toContain('Analis Layanan Kesehatan Ahli Pertama');
    expect(text).toContain('Penata Muda, III/a');
    expect(text).not.toContain('III/b');
    const n = org.staff[0].nip;
    expect(text).toContain(`${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`);
    expect(text).toContain('Kepala Seksi Rujukan'); // PPK block
    expect(text).toContain('Kepala Bidang Pelayanan'); // atasan PPK block
    expect(text).toContain('CAPAIAN KINERJA ORGANISASI');
    expect(text).toContain('Baik');
    expect(text).toContain('Tingkatkan dokumentasi bukti dukung');
    expect(text).not.toContain('KEBERATAN');
    // the evaluation form: results with target, realisation, feedback; behaviour; ratings; predicate
    expect(text).toContain('EVALUASI KINERJA PEGAWAI');
    expect(text).toContain('Meningkatnya mutu layanan rujukan');
    expect(text).toContain('95 %');
    expect(text).toContain('Tercapai 97 %');
    expect(text).toContain('Tindak lanjut rujukan konsisten');
    expect(text).toContain('Berorientasi Pelayanan');
    expect(text).toContain('RATING HASIL KERJA');
    expect(text).toContain('Sesuai Ekspektasi');
    expect(text).toContain('PREDIKAT KINERJA PEGAWAI');
    // Lampiran PermenPANRB 6/2022 columns and texts; nothing that is not on the official form.
    expect(text).toContain('RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI');
    expect(text).toContain('ASPEK');
    expect(text).toContain('Memahami dan memenuhi kebutuhan masyarakat');
    expect(text).toContain('Ekspektasi khusus pimpinan');
    expect(text).toContain('*) coret yang tidak perlu');
    expect(text).not.toMatch(/skp-engine|Status: |Dasar penetapan|cells as encoded/);
    // "<kota>, <tanggal>": the agency's town (or a blank), never the unit's name.
    expect(text).not.toMatch(
      /Seksi[^,]*, \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/,
    );
    expect(await overlappingText(res.body)).toEqual([]);
    if (process.env.DOC_SAMPLES_DIR) writeFileSync(`${process.env.DOC_SAMPLES_DIR}/dekp-sample.pdf`, res.body);

    // the appealed evaluation carries the keberatan blocks and the atasan PPK's signature block
    const appealed = await getBinary(t, `${evalPath(skps[2].id, Q)}/document.pdf`, org.head.token);
    expect(appealed.status).toBe(200);
    const at = (await pdfText(appealed.body)).replace(/\s+/g, ' ');
    expect(at).toContain('KEBERATAN');
    expect(at).toContain('Capaian rujukan saya 110 %');
    expect(at).toContain('PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN');
    expect(at).toContain('KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA');
    expect(at).toContain('Keberatan diterima');
    expect(at).toContain('Sangat Baik');
    expect(at).toContain('Atasan Pejabat Penilai Kinerja');
    expect(at).toContain('9 Juli 2026'); // keberatan filed on day 3
    // three signature blocks (after a keberatan) side by side without overprint
    expect(await overlappingText(appealed.body)).toEqual([]);
    if (process.env.DOC_SAMPLES_DIR) writeFileSync(`${process.env.DOC_SAMPLES_DIR}/dekp-appealed.pdf`, appealed.body);

    // not visible to another employee
    expect((await getBinary(t, `${evalPath(skps[0].id, Q)}/document.pdf`, org.staff[1].token)).status).toBe(404);
  });
});
