import { decisionEffectiveDate } from '../../src/rules';
import { caseOf, casesPath, step } from '../support/discipline-fixtures';
import { EvalOrg, rate, setToday } from '../support/evaluation-fixtures';
import { createNetralitasWorld, NetralitasWorld, reportN05 } from '../support/netralitas-scenario';
import { Person } from '../support/org-skp-fixtures';
import { TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * Issue 8 through HTTP and the real worker: a CALON-stage neutrality act (N05, SEDANG) from report to
 * decision and delivery; visibility; the behaviour-rating guard. Effects after the effective date,
 * overdue steps, escalation, overview and export are in discipline-netralitas-effects.
 */
describe('discipline and netralitas cases', () => {
  let w: NetralitasWorld;
  let t: TestApp;
  let admin: string;
  let org: EvalOrg;
  let jf: Person;
  let skps: NetralitasWorld['skps'];
  let caseId: string;

  beforeAll(async () => {
    w = await createNetralitasWorld();
    ({ t, admin, org, jf, skps } = w);
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  const report = (nip: string, extra: Record<string, unknown> = {}) => reportN05(w, nip, extra);

  it('classifies a CALON-stage campaign attendance (N05) as DISIPLIN SEDANG with its sanctions, official and deadlines', async () => {
    const bad = await t.request('POST', casesPath, {
      token: admin,
      body: { nip: org.staff[0].nip, kind: 'NETRALITAS', act: 'N05', occurredOn: '2026-01-28', reportedBy: 'x y' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('stage');
    expect(
      (
        await t.request('POST', casesPath, {
          token: org.leader.token,
          body: { nip: org.staff[0].nip, kind: 'OTHER', occurredOn: '2026-01-28', reportedBy: 'Atasan' },
        })
      ).status,
    ).toBe(403);

    const r = await report(org.staff[0].nip);
    expect(r.status).toBe(201);
    caseId = r.body.id;
    expect(r.body).toMatchObject({
      kind: 'NETRALITAS',
      act: 'N05',
      stage: 'CALON',
      status: 'REPORTED',
      nip: org.staff[0].nip,
      reportedOn: '2026-02-02',
      classification: {
        track: 'DISIPLIN',
        level: 'SEDANG',
        candidateSanctions: ['POTONG_TUKIN_25_6M', 'POTONG_TUKIN_25_9M', 'POTONG_TUKIN_25_12M'],
        manualReview: false,
      },
      subject: { unitCode: org.unitCode, agencyCode: org.parentCode },
    });
    expect(r.body.classification.explanation.ruleId).toMatch(/^netralitas\.classify@/);
    expect(r.body.competentOfficials).toEqual([
      expect.objectContaining({ level: 'SEDANG', role: 'PPK_INSTANSI', nip: org.leader.nip }),
    ]);
    expect(r.body.deadlines.verify).toMatchObject({ dueOn: '2026-02-09', doneOn: null, overdue: false });
    expect(r.body.deadlines.decide.dueOn).toBeNull();
    expect(r.body.reference).toMatch(/^DIS-\d{6}$/);
  });

  it('shows the case only to ADMIN, the competent official and the reported employee (others 404)', async () => {
    for (const token of [admin, org.leader.token, org.staff[0].token])
      expect((await caseOf(t, caseId, token)).status).toBe(200);
    for (const token of [org.ppk.token, org.head.token, org.staff[1].token, jf.token])
      expect((await caseOf(t, caseId, token)).status).toBe(404);
    expect((await caseOf(t, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // lists apply the same rule
    const own = await t.request('GET', `${casesPath}?kind=NETRALITAS`, { token: org.staff[0].token });
    expect(own.body.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    const other = await t.request('GET', `${casesPath}?kind=NETRALITAS`, { token: org.staff[1].token });
    expect(other.body.items).toEqual([]);
    // a stranger acting on it also gets 404, before any state check
    expect(
      (await step(t, caseId, 'decision', { sanction: 'POTONG_TUKIN_25_6M', decidedOn: '2026-02-02' }, org.ppk.token))
        .status,
    ).toBe(404);
  });

  it('walks verify → recommendation → decision → delivery with 409 for wrong states and 422 for sanctions outside the level', async () => {
    setToday(t, '2026-02-03');
    expect((await step(t, caseId, 'recommendation', { level: 'SEDANG', sanction: 'POTONG_TUKIN_25_6M' })).status).toBe(
      409,
    );
    expect((await step(t, caseId, 'verify', {}, org.leader.token)).status).toBe(403);
    const v = await step(t, caseId, 'verify', { note: 'Klarifikasi: hadir di kampanye terbuka' });
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ status: 'VERIFIED', verifiedOn: '2026-02-03' });
    expect(v.body.deadlines.recommend).toMatchObject({ dueOn: '2026-02-08', overdue: false });
    expect((await step(t, caseId, 'verify', {})).status).toBe(409);

    setToday(t, '2026-02-04');
    const wrongSanction = await step(t, caseId, 'recommendation', { level: 'SEDANG', sanction: 'TEGURAN_LISAN' });
    expect(wrongSanction.status).toBe(422);
    expect(wrongSanction.body.details[0].field).toBe('sanction');
    expect((await step(t, caseId, 'recommendation', { level: 'BERAT', sanction: 'TURUN_JABATAN_12M' })).status).toBe(
      422,
    );
    const rec = await step(t, caseId, 'recommendation', { level: 'SEDANG', sanction: 'POTONG_TUKIN_25_6M' });
    expect(rec.status).toBe(200);
    expect(rec.body).toMatchObject({
      status: 'RECOMMENDED',
      recommendation: { level: 'SEDANG', sanction: 'POTONG_TUKIN_25_6M', recommendedOn: '2026-02-04' },
    });
    expect(rec.body.deadlines.decide).toMatchObject({ dueOn: '2026-02-14', overdue: false });

    setToday(t, '2026-02-05');
    expect((await step(t, caseId, 'delivery', { deliveredOn: '2026-02-05' })).status).toBe(409);
    expect(
      (
        await step(
          t,
          caseId,
          'decision',
          { sanction: 'POTONG_TUKIN_25_6M', decidedOn: '2026-02-05' },
          org.staff[0].token,
        )
      ).status,
    ).toBe(403);
    expect(
      (await step(t, caseId, 'decision', { sanction: 'PDHTAPS', decidedOn: '2026-02-05' }, org.leader.token)).status,
    ).toBe(422);
    expect(
      (await step(t, caseId, 'decision', { sanction: 'POTONG_TUKIN_25_6M', decidedOn: '2026-02-09' }, org.leader.token))
        .status,
    ).toBe(422);
    const d = await step(
      t,
      caseId,
      'decision',
      { sanction: 'POTONG_TUKIN_25_9M', decidedOn: '2026-02-05', decisionRef: '800/17/BKPSDM/2026' },
      org.leader.token,
    );
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({
      status: 'DECIDED',
      decision: {
        sanction: 'POTONG_TUKIN_25_9M',
        level: 'SEDANG',
        decidedOn: '2026-02-05',
        decisionRef: '800/17/BKPSDM/2026',
        recordedBy: org.leader.nip,
      },
    });
    expect(
      (await step(t, caseId, 'decision', { sanction: 'POTONG_TUKIN_25_9M', decidedOn: '2026-02-05' }, org.leader.token))
        .status,
    ).toBe(409);
    const events = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE event_type = 'DisciplineDecided' AND aggregate_id = $1`,
      [caseId],
    );
    expect(events[0].n).toBe(1);

    // the holiday calendar moves the effective date (15th working day after delivery)
    const hol = await t.request('PUT', '/api/v1/discipline/holidays/2026', {
      token: admin,
      body: { holidays: [{ date: '2026-02-17', name: 'Tahun Baru Imlek' }] },
    });
    expect(hol.status).toBe(200);
    expect(hol.body.effectiveCalendar).toContain('2026-02-17');
    expect(
      (await t.request('PUT', '/api/v1/discipline/holidays/2026', { token: org.leader.token, body: { holidays: [] } }))
        .status,
    ).toBe(403);

    setToday(t, '2026-02-06');
    expect((await step(t, caseId, 'delivery', { deliveredOn: '2026-02-04' })).status).toBe(422);
    const del = await step(t, caseId, 'delivery', { deliveredOn: '2026-02-06' });
    expect(del.status).toBe(200);
    const expected = decisionEffectiveDate({
      deliveredOn: '2026-02-06',
      holidays: hol.body.effectiveCalendar,
    }).effectiveFrom;
    expect(expected).not.toBe(decisionEffectiveDate({ deliveredOn: '2026-02-06' }).effectiveFrom);
    expect(del.body).toMatchObject({ status: 'DELIVERED', deliveredOn: '2026-02-06', effectiveFrom: expected });
    expect(del.body.effectiveTo).toBe(
      `2026-${String(Number(expected.slice(5, 7)) + 9).padStart(2, '0')}-${expected.slice(8)}`,
    );
    expect(del.body.effectiveExplanation.formula).toContain('2026-02-17');
    expect(del.body.history.map((h: { action: string }) => h.action)).toEqual([
      'REPORT',
      'VERIFY',
      'RECOMMEND',
      'DECIDE',
      'DELIVER',
    ]);
  });

  it('asks for a justification when the PPK rates behaviour above DI_BAWAH_EKSPEKTASI despite a decided sanction, records it and warns', async () => {
    // 2026-Q1 can be rated once its last month (March) has begun; the case timeline resumes on 6 Feb after.
    setToday(t, '2026-03-02');
    const refused = await rate(t, org.ppk, skps[0], '2026-Q1', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI');
    expect(refused.status).toBe(422);
    expect(refused.body.details[0].field).toBe('behaviorJustification');
    const ok = await t.request('PUT', `/api/v1/skp/${skps[0].id}/evaluations/2026-Q1/rating`, {
      token: org.ppk.token,
      body: {
        resultRating: 'SESUAI_EKSPEKTASI',
        behaviorRating: 'SESUAI_EKSPEKTASI',
        behaviorJustification: 'Perilaku kerja di kantor tetap baik; pelanggaran di luar jam kerja sudah dihukum.',
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.warnings).toEqual([
      expect.objectContaining({ code: 'DISCIPLINE_SANCTION_IN_PERIOD', caseIds: [caseId] }),
    ]);
    const rows = await t.dataSource.query(
      `SELECT behavior_rating, case_ids::text[] AS case_ids FROM discipline_rating_justifications WHERE subject_ref = $1`,
      [`skp:${skps[0].id}:2026-Q1`],
    );
    expect(rows).toEqual([{ behavior_rating: 'SESUAI_EKSPEKTASI', case_ids: [caseId] }]);
    // rating at DI_BAWAH_EKSPEKTASI needs nothing; a colleague without a case is rated normally
    const low = await rate(t, org.ppk, skps[0], '2026-Q1', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI');
    expect(low.status).toBe(200);
    expect(low.body.warnings).toBeUndefined();
    const colleague = await rate(t, org.ppk, skps[1], '2026-Q1', 'SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI');
    expect(colleague.status).toBe(200);
    expect(colleague.body.warnings).toBeUndefined();
    setToday(t, '2026-02-06');
  });
});
