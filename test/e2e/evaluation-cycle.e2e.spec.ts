import {
  approvedStaffSkps,
  createEvalOrg,
  evalPath,
  EvalOrg,
  putRealizations,
  rate,
  Rating,
  setPerformance,
  setToday,
} from '../support/evaluation-fixtures';
import { approvedSkp, skpBody } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/** Spec 01 §8, the 3×3 kuadran, written out cell by cell (hasil, perilaku → predikat). */
const MATRIX: [Rating, Rating, string][] = [
  ['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'SANGAT_BAIK'],
  ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK'],
  ['DI_ATAS_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'KURANG'],
  ['SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'BAIK'],
  ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK'],
  ['SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'KURANG'],
  ['DI_BAWAH_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'BUTUH_PERBAIKAN'],
  ['DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BUTUH_PERBAIKAN'],
  ['DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'SANGAT_KURANG'],
];

jest.setTimeout(120_000);

describe('evaluation cycle through a small unit: realisations → ratings → distribution → finalize → accept/appeal → FINAL', () => {
  let t: TestApp;
  let admin: string;
  let org: EvalOrg;
  let skps: Awaited<ReturnType<typeof approvedStaffSkps>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    setToday(t, '2026-02-02');
    org = await createEvalOrg(t, 9);
    skps = await approvedStaffSkps(t, org);
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  const events = async (id: string) =>
    (await t.dataSource.query(
      `SELECT payload, dedupe_key FROM outbox WHERE event_type = 'EvaluationFinalized' AND aggregate_id = $1 ORDER BY id`,
      [id],
    )) as {
      payload: { evaluationId: string; revision: number };
      dedupe_key: string;
    }[];

  it('runs the quarter: the 9 rating combinations give the matrix predicates, distribution ok, accept and appeal reach FINAL', async () => {
    setToday(t, '2026-04-06');
    const Q = '2026-Q1';
    // realisations by each employee, with validated https evidence
    const bad = await t.request('PUT', `${evalPath(skps[0].id, Q)}/realizations`, {
      token: org.staff[0].token,
      body: {
        items: [
          {
            indicatorId: skps[0].results[0].indicators[0].id,
            realization: 'x',
            evidenceUrls: ['http://insecure.example.com/a.pdf'],
          },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(
      (await t.request('PUT', `${evalPath(skps[0].id, Q)}/realizations`, { token: org.ppk.token, body: { items: [] } }))
        .status,
    ).toBe(403);
    for (let i = 0; i < 9; i++) {
      const r = await putRealizations(t, org.staff[i], skps[i], Q);
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('SUBMITTED');
      expect(r.body.results[0].indicators[0]).toMatchObject({
        realization: 'Tercapai 97 %',
        evidenceUrls: ['https://bukti.example.go.id/laporan.pdf'],
        target: '95 %',
      });
    }
    // the employee cannot rate themself; the PPK rates the 9 combinations
    expect((await rate(t, org.staff[0], skps[0], Q, 'DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI')).status).toBe(403);
    for (let i = 0; i < 9; i++) {
      const [hasil, perilaku, expected] = MATRIX[i];
      const r = await rate(t, org.ppk, skps[i], Q, hasil, perilaku);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        status: 'RATED',
        resultRating: hasil,
        behaviorRating: perilaku,
        predicate: expected,
      });
      expect(r.body.explanation).toMatchObject({
        ruleId: expect.stringContaining('predikat.matrix'),
        formula: expect.any(String),
      });
      expect(r.body.results[0].feedback).toBe('Tindak lanjut rujukan konsisten');
      expect(
        r.body.behaviors.find((b: { coreValue: string }) => b.coreValue === 'BERORIENTASI_PELAYANAN').feedback,
      ).toBe('Ramah dan responsif');
    }
    // realisations are locked once RATED
    expect((await putRealizations(t, org.staff[0], skps[0], Q)).status).toBe(409);

    // organisation performance: the leader of the parent unit (not the unit's own staff) sets it
    expect((await setPerformance(t, org.staff[0].token, org.unitCode, Q, 'BAIK')).status).toBe(403);
    expect((await setPerformance(t, org.leader.token, org.unitCode, Q, 'BAIK')).status).toBe(200);
    const dist = await t.request('GET', `/api/v1/units/${org.unitCode}/distribution/${Q}`, { token: org.ppk.token });
    expect(dist.status).toBe(200);
    expect(dist.body).toMatchObject({
      orgPredicate: 'BAIK',
      population: 9,
      ok: true,
      violations: [],
      counts: { SANGAT_BAIK: 1, BAIK: 3, BUTUH_PERBAIKAN: 2, KURANG: 2, SANGAT_KURANG: 1 },
    });
    expect(
      (await t.request('GET', `/api/v1/units/${org.unitCode}/distribution/${Q}`, { token: org.staff[0].token })).status,
    ).toBe(404);

    // finalize (PPK) → ISSUED with a 14-day objection window
    for (let i = 0; i < 9; i++) {
      const f = await t.request('POST', `${evalPath(skps[i].id, Q)}/finalize`, { token: org.ppk.token, body: {} });
      expect(f.status).toBe(200);
      expect(f.body.status).toBe('ISSUED');
      expect(Date.parse(f.body.objectionDeadline) - Date.parse(f.body.issuedAt)).toBe(14 * 24 * 3600 * 1000);
      expect(f.body.distribution).toMatchObject({ ok: true, orgPredicate: 'BAIK' });
    }
    // a second finalize is a state conflict; ratings cannot change any more
    expect(
      (await t.request('POST', `${evalPath(skps[0].id, Q)}/finalize`, { token: org.ppk.token, body: {} })).status,
    ).toBe(409);
    expect((await rate(t, org.ppk, skps[0], Q, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI')).status).toBe(409);

    // accept → FINAL with the EvaluationFinalized fact
    for (let i = 0; i < 8; i++) {
      const a = await t.request('POST', `${evalPath(skps[i].id, Q)}/accept`, { token: org.staff[i].token });
      expect(a.status).toBe(200);
      expect(a.body).toMatchObject({ status: 'FINAL', finalizedBy: 'ACCEPT', revision: 0, predicate: MATRIX[i][2] });
      expect(await events(a.body.id)).toEqual([
        { payload: { evaluationId: a.body.id, revision: 0 }, dedupe_key: `evaluation-finalized:${a.body.id}:0` },
      ]);
    }
    // FINAL is immutable
    expect(
      (
        await t.request('POST', `${evalPath(skps[0].id, Q)}/objection`, {
          token: org.staff[0].token,
          body: { reason: 'Saya keberatan atas predikat ini.' },
        })
      ).status,
    ).toBe(409);

    // appeal: staff[8] (DI_BAWAH × DI_BAWAH → SANGAT_KURANG) objects; the PPK explains; the atasan PPK decides
    const s = skps[8];
    // the atasan PPK does not see the evaluation until it is appealed
    expect((await t.request('GET', evalPath(s.id, Q), { token: org.head.token })).status).toBe(404);
    const o = await t.request('POST', `${evalPath(s.id, Q)}/objection`, {
      token: org.staff[8].token,
      body: { reason: 'Realisasi rujukan 97 % melebihi target tetapi tidak dipertimbangkan.' },
    });
    expect(o.status).toBe(200);
    expect(o.body.status).toBe('OBJECTED');
    expect(
      (
        await t.request('POST', `${evalPath(s.id, Q)}/objection/decision`, {
          token: org.ppk.token,
          body: {
            resultRating: 'SESUAI_EKSPEKTASI',
            behaviorRating: 'SESUAI_EKSPEKTASI',
            decisionNote: 'PPK tidak boleh memutus keberatan.',
          },
        })
      ).status,
    ).toBe(403);
    const ex = await t.request('POST', `${evalPath(s.id, Q)}/objection/explanation`, {
      token: org.ppk.token,
      body: { text: 'Bukti dukung rujukan baru diserahkan setelah penilaian.' },
    });
    expect(ex.status).toBe(200);
    const d = await t.request('POST', `${evalPath(s.id, Q)}/objection/decision`, {
      token: org.head.token,
      body: {
        resultRating: 'SESUAI_EKSPEKTASI',
        behaviorRating: 'DI_ATAS_EKSPEKTASI',
        decisionNote: 'Bukti dukung menunjukkan target tercapai; rating diubah.',
      },
    });
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({
      status: 'FINAL',
      finalizedBy: 'DECISION',
      resultRating: 'SESUAI_EKSPEKTASI',
      behaviorRating: 'DI_ATAS_EKSPEKTASI',
      predicate: 'BAIK',
      objection: {
        reason: expect.stringContaining('97 %'),
        ppkExplanation: expect.stringContaining('Bukti dukung'),
        decidedByNip: org.head.nip,
        original: {
          resultRating: 'DI_BAWAH_EKSPEKTASI',
          behaviorRating: 'DI_BAWAH_EKSPEKTASI',
          predicate: 'SANGAT_KURANG',
        },
      },
    });
    // the unit's distribution is re-checked after the decision and reported
    expect(d.body.objection.distributionAfterDecision).toMatchObject({
      orgPredicate: 'BAIK',
      population: 9,
      counts: { SANGAT_BAIK: 1, BAIK: 4, BUTUH_PERBAIKAN: 2, KURANG: 2, SANGAT_KURANG: 0 },
      ok: true,
    });
    expect(d.body.history.map((h: { action: string }) => h.action)).toEqual([
      'SUBMIT_REALIZATION',
      'RATE',
      'FINALIZE',
      'OBJECT',
      'DECISION',
    ]);
    expect(await events(d.body.id)).toHaveLength(1);
    const audit = await t.dataSource.query(
      `SELECT action, actor FROM audit_log WHERE entity_type = 'Evaluation' AND entity_id = $1 ORDER BY id`,
      [d.body.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'evaluation.realizations',
      'evaluation.rate',
      'evaluation.finalize',
      'evaluation.objection',
      'evaluation.objection.explanation',
      'evaluation.objection.decision',
    ]);
    expect(audit[5].actor).toBe(org.head.nip);

    // ADMIN correction: a new audited revision that re-emits EvaluationFinalized
    expect(
      (
        await t.request('POST', `${evalPath(s.id, Q)}/corrections`, {
          token: org.ppk.token,
          body: {
            resultRating: 'DI_ATAS_EKSPEKTASI',
            behaviorRating: 'DI_ATAS_EKSPEKTASI',
            reason: 'Koreksi sesuai SK',
          },
        })
      ).status,
    ).toBe(403);
    const c = await t.request('POST', `${evalPath(s.id, Q)}/corrections`, {
      token: admin,
      body: {
        resultRating: 'DI_ATAS_EKSPEKTASI',
        behaviorRating: 'DI_ATAS_EKSPEKTASI',
        reason: 'Koreksi berdasarkan SK Bupati 800/12/2026',
      },
    });
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ status: 'FINAL', finalizedBy: 'CORRECTION', revision: 1, predicate: 'SANGAT_BAIK' });
    expect(c.body.revisions).toEqual([
      expect.objectContaining({ revision: 0, predicate: 'BAIK', reason: 'Koreksi berdasarkan SK Bupati 800/12/2026' }),
    ]);
    expect((await events(c.body.id)).map((e) => e.dedupe_key)).toEqual([
      `evaluation-finalized:${c.body.id}:0`,
      `evaluation-finalized:${c.body.id}:1`,
    ]);
    const corr = await t.dataSource.query(
      `SELECT reason FROM audit_log WHERE entity_id = $1 AND action = 'evaluation.correction'`,
      [c.body.id],
    );
    expect(corr).toEqual([{ reason: 'Koreksi berdasarkan SK Bupati 800/12/2026' }]);
  });

  it('runs the year on its own (ANNUAL, never an average), including the unit-head rule', async () => {
    setToday(t, '2026-03-01');
    // the unit head's SKP, approved by the leader of the parent unit
    const headSkp = await approvedSkp(t, org.head, org.leader, skpBody(2026));
    setToday(t, '2027-01-11');
    const Y = '2026';
    // periods follow the year's cadence (QUARTERLY by default): a month is not a 2026 period
    const cal = await t.request('GET', '/api/v1/evaluation-periods/2026', { token: admin });
    expect(cal.body).toMatchObject({ cadence: 'QUARTERLY', configured: false });
    expect(cal.body.periods.map((p: { period: string }) => p.period)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2026',
    ]);
    expect((await putRealizations(t, org.staff[0], skps[0], '2026-03')).status).toBe(422);
    expect((await putRealizations(t, org.staff[0], skps[0], '2026-Q5')).status).toBe(400);
    expect(
      (await t.request('PUT', '/api/v1/evaluation-periods/2026', { token: admin, body: { cadence: 'MONTHLY' } }))
        .status,
    ).toBe(409); // quarterly evaluations exist

    // the annual evaluation of staff[0] is judged on its own: Q1 was SANGAT_BAIK, the year is BUTUH_PERBAIKAN
    expect((await putRealizations(t, org.staff[0], skps[0], Y)).status).toBe(200);
    const r0 = await rate(t, org.ppk, skps[0], Y, 'DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI');
    expect(r0.body).toMatchObject({
      status: 'RATED',
      periodKind: 'ANNUAL',
      fromMonth: '2026-01',
      toMonth: '2026-12',
      predicate: 'BUTUH_PERBAIKAN',
      referenceDate: '2026-12-31',
    });
    for (let i = 1; i < 4; i++)
      expect((await rate(t, org.ppk, skps[i], Y, MATRIX[i][0], MATRIX[i][1])).body.predicate).toBe(MATRIX[i][2]);

    // unit head: the rating hasil kerja is the unit's organisation predicate
    const noOrg = await rate(t, org.leader, headSkp, Y, undefined, 'DI_ATAS_EKSPEKTASI');
    expect(noOrg.status).toBe(422);
    expect(noOrg.body.message).toContain('belum ditetapkan');
    expect((await setPerformance(t, org.leader.token, org.unitCode, Y, 'ISTIMEWA')).status).toBe(200);
    const differs = await rate(t, org.leader, headSkp, Y, 'SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI');
    expect(differs.status).toBe(422);
    expect(differs.body.message).toContain('DI_ATAS_EKSPEKTASI');
    const headRated = await rate(t, org.leader, headSkp, Y, undefined, 'DI_ATAS_EKSPEKTASI');
    expect(headRated.status).toBe(200);
    expect(headRated.body).toMatchObject({
      isUnitHead: true,
      resultRating: 'DI_ATAS_EKSPEKTASI',
      predicate: 'SANGAT_BAIK',
      orgPredicate: 'ISTIMEWA',
      unitCode: org.parentCode,
    });
    expect(headRated.body.explanation.ruleId).toBe('predikat.unitHead');
    // a changed org predicate re-derives the (not yet issued) head rating
    const changed = await setPerformance(t, org.leader.token, org.unitCode, Y, 'BAIK');
    expect(changed.body.headRerated).toMatchObject({
      nip: org.head.nip,
      resultRating: 'SESUAI_EKSPEKTASI',
      predicate: 'BAIK',
    });

    // the unit's annual distribution (ORG BAIK): B 2, BP 1, K 1 of 4 → ok; the head counts in the parent unit
    const dist = await t.request('GET', `/api/v1/units/${org.unitCode}/distribution/${Y}`, { token: admin });
    expect(dist.body).toMatchObject({
      orgPredicate: 'BAIK',
      population: 4,
      counts: { SANGAT_BAIK: 0, BAIK: 2, BUTUH_PERBAIKAN: 1, KURANG: 1 },
      ok: true,
    });
    expect((await setPerformance(t, admin, org.parentCode, Y, 'ISTIMEWA')).status).toBe(200);
    const parentDist = await t.request('GET', `/api/v1/units/${org.parentCode}/distribution/${Y}`, {
      token: org.leader.token,
    });
    expect(parentDist.body).toMatchObject({ orgPredicate: 'ISTIMEWA', population: 1, counts: { BAIK: 1 }, ok: true });

    for (let i = 0; i < 4; i++) {
      expect(
        (await t.request('POST', `${evalPath(skps[i].id, Y)}/finalize`, { token: org.ppk.token, body: {} })).status,
      ).toBe(200);
      const a = await t.request('POST', `${evalPath(skps[i].id, Y)}/accept`, { token: org.staff[i].token });
      expect(a.body).toMatchObject({ status: 'FINAL', period: '2026' });
    }
    expect(
      (await t.request('POST', `${evalPath(headSkp.id, Y)}/finalize`, { token: org.leader.token, body: {} })).status,
    ).toBe(200);
    // once the head's DEKP is issued, the org predicate is frozen
    expect((await setPerformance(t, org.leader.token, org.unitCode, Y, 'ISTIMEWA')).status).toBe(409);
    const ha = await t.request('POST', `${evalPath(headSkp.id, Y)}/accept`, { token: org.head.token });
    expect(ha.body).toMatchObject({ status: 'FINAL', predicate: 'BAIK' });
    // the quarter stays as it was: the annual result is a separate record
    const q1 = await t.request('GET', evalPath(skps[0].id, '2026-Q1'), { token: org.staff[0].token });
    expect(q1.body).toMatchObject({ status: 'FINAL', predicate: 'SANGAT_BAIK' });
    const list = await t.request('GET', `/api/v1/skp/${skps[0].id}/evaluations`, { token: org.staff[0].token });
    expect(list.body.items.map((x: { period: string; status: string }) => `${x.period}:${x.status}`)).toEqual([
      '2026-Q1:FINAL',
      '2026-Q2:DRAFT',
      '2026-Q3:DRAFT',
      '2026-Q4:DRAFT',
      '2026:FINAL',
    ]);
  });
});
