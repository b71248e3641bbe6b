import { eventually } from '../support/eventually';
import { createEvalOrg, evalPath, putRealizations, rate, setToday } from '../support/evaluation-fixtures';
import { approvedSkp, createEmployee, createUnit, skpBody } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const justification = { justification: 'Unit kecil; pola distribusi belum dapat dipenuhi' };

/** Spec 04 §1: a transfer on 1 July splits the year into two SKPs; a Plt has a parallel ACTING SKP. */
describe('SKP segments through HTTP and the worker', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  it('a transfer on 1 July: old SKP CLOSED on 30 June and rated by the old PPK, new SKP from 1 July approved by the new PPK, one annual predikat, one distribution count, AK months once', async () => {
    setToday(t, '2026-01-05');
    const org = await createEvalOrg(t, 0);
    const newUnit = await createUnit(t, org.parentCode, 'N');
    const newPpk = await createEmployee(t, {
      unitCode: newUnit,
      kind: 'PENGAWAS',
      supervisorNip: org.head.nip,
      kelasJabatan: 9,
      golongan: 'III/d',
    });
    const jf = await createEmployee(t, {
      unitCode: org.unitCode,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_PERTAMA',
      supervisorNip: org.ppk.nip,
      golongan: 'III/a',
      title: 'Perawat Ahli Pertama',
    });
    const oldSkp = await approvedSkp(t, jf, org.ppk, skpBody(2026));
    expect(oldSkp).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-12-31', kind: 'DEFINITIVE' });

    // The SK is recorded in June, effective 1 July; the worker closes the running SKP on 30 June.
    setToday(t, '2026-06-20');
    const moved = await t.request('PATCH', `/api/v1/employees/${jf.nip}`, {
      token: admin,
      body: { effectiveFrom: '2026-07-01', unitCode: newUnit, supervisorNip: newPpk.nip, reason: 'SK Mutasi 821/7' },
    });
    expect(moved.status).toBe(200);
    const closed = await eventually(async () => {
      const r = await t.request('GET', `/api/v1/skp/${oldSkp.id}`, { token: jf.token });
      return r.body.status === 'CLOSED' ? r.body : null;
    });
    expect(closed).toMatchObject({ periodEnd: '2026-06-30', closedEvent: 'MUTASI', closingDue: '2026-07-30' });
    expect(closed.history.at(-1)).toMatchObject({ from: 'APPROVED', to: 'CLOSED', action: 'CLOSE' });

    // The closing evaluation (Triwulan II) is the old PPK's; it is issued in June.
    expect((await putRealizations(t, jf, oldSkp, '2026-Q2')).status).toBe(200);
    const q2 = await rate(t, org.ppk, oldSkp, '2026-Q2', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI');
    expect(q2.body).toMatchObject({ status: 'RATED', predicate: 'BAIK' });
    expect(
      (
        await t.request('POST', `${evalPath(oldSkp.id, '2026-Q2')}/finalize`, {
          token: org.ppk.token,
          body: justification,
        })
      ).status,
    ).toBe(200);

    // From 1 July the employee writes the new SKP, copying the old RHK; the new PPK approves it.
    setToday(t, '2026-07-01');
    const overlap = await t.request('POST', '/api/v1/skp', {
      token: jf.token,
      body: { ...skpBody(2026), periodStart: '2026-06-15' },
    });
    expect(overlap.status).toBe(409);
    const created = await t.request('POST', '/api/v1/skp', {
      token: jf.token,
      body: { ...skpBody(2026), results: [], periodStart: '2026-07-01', copyFromSkpId: oldSkp.id },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      periodStart: '2026-07-01',
      periodEnd: '2026-12-31',
      kind: 'DEFINITIVE',
      previousSkpId: oldSkp.id,
      snapshots: { atCreation: { ppk: { nip: newPpk.nip }, employee: { unitCode: newUnit } } },
    });
    expect(created.body.results.map((r: { text: string }) => r.text)).toEqual(
      oldSkp.results.map((r: { text: string }) => r.text),
    );
    const newId = created.body.id as string;
    expect((await t.request('POST', `/api/v1/skp/${newId}/submit`, { token: jf.token })).status).toBe(200);
    expect((await t.request('POST', `/api/v1/skp/${newId}/approve`, { token: org.ppk.token })).status).toBe(404);
    const approved = await t.request('POST', `/api/v1/skp/${newId}/approve`, { token: newPpk.token });
    expect(approved.status).toBe(200);
    const newSkp = approved.body;

    // Each segment keeps its own PPK: the old one still sees the old SKP, the new one never does.
    expect((await t.request('GET', `/api/v1/skp/${oldSkp.id}`, { token: org.ppk.token })).status).toBe(200);
    expect((await t.request('GET', `/api/v1/skp/${oldSkp.id}`, { token: newPpk.token })).status).toBe(404);
    expect((await t.request('GET', evalPath(oldSkp.id, '2026-Q2'), { token: newPpk.token })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/skp/${newId}`, { token: org.ppk.token })).status).toBe(404);
    // The employee keeps the right to object to the old segment's evaluation; the old atasan PPK decides.
    const obj = await t.request('POST', `${evalPath(oldSkp.id, '2026-Q2')}/objection`, {
      token: jf.token,
      body: { reason: 'Realisasi rujukan triwulan II belum diperhitungkan' },
    });
    expect(obj.status).toBe(200);
    const decided = await t.request('POST', `${evalPath(oldSkp.id, '2026-Q2')}/objection/decision`, {
      token: org.head.token,
      body: {
        resultRating: 'SESUAI_EKSPEKTASI',
        behaviorRating: 'SESUAI_EKSPEKTASI',
        decisionNote: 'Penilaian PPK sudah sesuai bukti',
      },
    });
    expect(decided.body).toMatchObject({ status: 'FINAL', predicate: 'BAIK' });
    expect(
      (
        await t.request('POST', `${evalPath(oldSkp.id, '2026-Q2')}/objection/decision`, {
          token: newPpk.token,
          body: {
            resultRating: 'SESUAI_EKSPEKTASI',
            behaviorRating: 'SESUAI_EKSPEKTASI',
            decisionNote: 'Penilaian PPK sudah sesuai bukti',
          },
        })
      ).status,
    ).toBe(404);

    // Periods follow the SKP's dates: the old SKP has Q1–Q2 and no annual line; Q3 lies outside it.
    const oldList = await t.request('GET', `/api/v1/skp/${oldSkp.id}/evaluations`, { token: jf.token });
    expect(oldList.body.items.map((i: { period: string }) => i.period)).toEqual(['2026-Q1', '2026-Q2']);
    const newList = await t.request('GET', `/api/v1/skp/${newId}/evaluations`, { token: jf.token });
    expect(newList.body.items.map((i: { period: string; fromMonth: string }) => [i.period, i.fromMonth])).toEqual([
      ['2026-Q3', '2026-07'],
      ['2026-Q4', '2026-10'],
      ['2026', '2026-01'],
    ]);
    expect((await t.request('GET', evalPath(oldSkp.id, '2026-Q3'), { token: jf.token })).status).toBe(422);

    // Year end: the PPK of the last SKP sets the one annual predikat (skp.annual.mode LAST_SKP).
    setToday(t, '2026-12-01');
    expect((await putRealizations(t, jf, oldSkp, '2026')).status).toBe(409);
    expect((await putRealizations(t, jf, newSkp, '2026')).status).toBe(200);
    const annual = await rate(t, newPpk, newSkp, '2026', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI');
    expect(annual.body).toMatchObject({ status: 'RATED', predicate: 'BAIK' });
    expect(
      (await t.request('POST', `${evalPath(newId, '2026')}/finalize`, { token: newPpk.token, body: justification }))
        .status,
    ).toBe(200);
    expect((await t.request('POST', `${evalPath(newId, '2026')}/accept`, { token: jf.token })).body.status).toBe(
      'FINAL',
    );
    const [row] = await t.dataSource.query(
      `SELECT from_month, to_month FROM evaluations WHERE skp_id = $1 AND period = '2026'`,
      [newId],
    );
    expect(row).toEqual({ from_month: '2026-01', to_month: '2026-12' });

    // One distribution count: in the new unit, not in the old one.
    const dNew = await t.request('GET', `/api/v1/units/${newUnit}/distribution/2026`, { token: admin });
    const dOld = await t.request('GET', `/api/v1/units/${org.unitCode}/distribution/2026`, { token: admin });
    expect(dNew.body.population).toBe(1);
    expect(dOld.body.population).toBe(0);

    // Angka kredit: the 12 months of 2026 once, from the annual predikat (the closed SKP's Q2 is superseded).
    const credit = await eventually(async () => {
      const r = await t.request('GET', `/api/v1/employees/${jf.nip}/credit`, { token: jf.token });
      return r.status === 200 && r.body.entries?.some((e: { period: string }) => e.period === '2026') ? r.body : null;
    });
    expect(credit.entries).toEqual([
      expect.objectContaining({ source: 'PREDIKAT', period: '2026', months: 12, predicate: 'BAIK', amount: '12.500' }),
    ]);
  });

  it('a Plt keeps a parallel ACTING SKP beside the definitive one; PLT_END closes it, and it has no annual evaluation', async () => {
    setToday(t, '2026-01-05');
    const org = await createEvalOrg(t, 0);
    const vacantUnit = await createUnit(t, org.parentCode, 'V');
    const report = await createEmployee(t, { unitCode: vacantUnit, kind: 'PELAKSANA', supervisorNip: null });
    const own = await approvedSkp(t, org.ppk, org.head, skpBody(2026));
    const del = await t.request('POST', '/api/v1/delegations', {
      token: admin,
      body: {
        employeeNip: report.nip,
        ppkNip: org.ppk.nip,
        kind: 'PLT',
        validFrom: '2026-03-02',
        validTo: '2026-05-29',
        reason: 'Sprint Plt Kepala Seksi 800/12/2026',
      },
    });
    expect(del.status).toBe(201);
    const delegationId = del.body.items[0].id as string;

    setToday(t, '2026-03-02');
    const noDelegation = await t.request('POST', '/api/v1/skp', {
      token: org.ppk.token,
      body: { ...skpBody(2026), kind: 'ACTING' },
    });
    expect(noDelegation.status).toBe(400);
    const acting = await approvedSkp(t, org.ppk, org.head, { ...skpBody(2026), kind: 'ACTING', delegationId });
    expect(acting).toMatchObject({
      kind: 'ACTING',
      delegationId,
      periodStart: '2026-03-02',
      periodEnd: '2026-05-29',
      status: 'APPROVED',
    });
    const list = await t.request('GET', `/api/v1/skp?nip=${org.ppk.nip}&year=2026`, { token: org.ppk.token });
    expect(list.body.items.map((i: { id: string; kind: string }) => [i.id, i.kind])).toEqual([
      [own.id, 'DEFINITIVE'],
      [acting.id, 'ACTING'],
    ]);
    expect((await putRealizations(t, org.ppk, acting, '2026')).status).toBe(409);

    // The Plt ends early: the ACTING SKP closes on PLT_END; the definitive one runs on.
    const end = await t.request('PATCH', `/api/v1/employees/${org.ppk.nip}`, {
      token: admin,
      body: { effectiveFrom: '2026-04-30', event: 'PLT_END', delegationId },
    });
    expect(end.status).toBe(200);
    const closed = await eventually(async () => {
      const r = await t.request('GET', `/api/v1/skp/${acting.id}`, { token: org.ppk.token });
      return r.body.status === 'CLOSED' ? r.body : null;
    });
    expect(closed).toMatchObject({ periodEnd: '2026-04-30', closedEvent: 'PLT_END' });
    const ownNow = await t.request('GET', `/api/v1/skp/${own.id}`, { token: org.ppk.token });
    expect(ownNow.body).toMatchObject({ status: 'APPROVED', periodEnd: '2026-12-31' });
    const evals = await t.request('GET', `/api/v1/skp/${acting.id}/evaluations`, { token: org.ppk.token });
    expect(
      evals.body.items.map((i: { period: string; fromMonth: string; toMonth: string }) => [
        i.period,
        i.fromMonth,
        i.toMonth,
      ]),
    ).toEqual([
      ['2026-Q1', '2026-03', '2026-03'],
      ['2026-Q2', '2026-04', '2026-04'],
    ]);
  });
});
