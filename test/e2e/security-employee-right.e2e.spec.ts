import {
  approvedStaffSkps,
  createEvalOrg,
  evalPath,
  putRealizations,
  rate,
  setToday,
} from '../support/evaluation-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/** Replays Medium 6: the year-end batch issues only; the employee keeps acceptance and the keberatan window (01 §11). */
describe('security: finalize-batch leaves the employee’s right intact (HTTP through the real app)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses accept, issues RATED → ISSUED with an open window, and FINAL comes from the employee', async () => {
    setToday(t, '2026-02-02');
    const org = await createEvalOrg(t, 2);
    const skps = await approvedStaffSkps(t, org);
    setToday(t, '2026-04-06');
    const Q = '2026-Q1';
    for (let i = 0; i < 2; i++) {
      expect((await putRealizations(t, org.staff[i], skps[i], Q)).status).toBe(200);
      expect((await rate(t, org.ppk, skps[i], Q, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI')).status).toBe(200);
    }
    const admin = await t.adminToken();
    const body = { period: Q, unitCode: org.unitCode, justification: 'Penutupan triwulan oleh BKPSDM' };
    const withAccept = await t.request('POST', '/api/v1/evaluations/finalize-batch', {
      token: admin,
      body: { ...body, accept: true },
    });
    expect(withAccept.status).toBe(400);
    expect(withAccept.body.details).toEqual(expect.arrayContaining([{ field: 'accept', problem: 'should not exist' }]));

    const r = await t.request('POST', '/api/v1/evaluations/finalize-batch', { token: admin, body });
    expect(r.status).toBe(200);
    expect(r.body.issued).toBe(2);
    expect(r.body).not.toHaveProperty('finalized');
    const ids: string[] = (
      await t.dataSource.query(`SELECT id FROM evaluations WHERE skp_id = ANY($1) AND period = $2 ORDER BY id`, [
        skps.map((s) => s.id),
        Q,
      ])
    ).map((x: { id: string }) => x.id);
    const rows = await t.dataSource.query(
      `SELECT status, objection_deadline > $2::timestamptz AS open FROM evaluations WHERE id = ANY($1)`,
      [ids, t.clock.now()],
    );
    expect(rows).toEqual([
      { status: 'ISSUED', open: true },
      { status: 'ISSUED', open: true },
    ]);
    const actions = await t.dataSource.query(
      `SELECT DISTINCT action FROM evaluation_transitions WHERE evaluation_id = ANY($1) AND action NOT IN ('RATE', 'SUBMIT_REALIZATION') ORDER BY action`,
      [ids],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['FINALIZE']);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE event_type = 'EvaluationFinalized' AND aggregate_id = ANY($1)`,
      [ids],
    );
    expect(n).toBe(0);
    // the unit's distribution report is stored once for the batch and referenced; the view still shows it
    const refs = await t.dataSource.query(
      `SELECT count(DISTINCT distribution_report_id)::int AS reports, count(distribution_report)::int AS copies FROM evaluations WHERE id = ANY($1)`,
      [ids],
    );
    expect(refs).toEqual([{ reports: 1, copies: 0 }]);
    const [{ report }] = await t.dataSource.query(
      `SELECT r.report FROM evaluation_distribution_reports r JOIN evaluations e ON e.distribution_report_id = r.id WHERE e.id = $1`,
      [ids[0]],
    );
    expect(report).toMatchObject({ period: Q, ok: expect.any(Boolean) });
    const view = await t.request('GET', evalPath(skps[0].id, Q), { token: org.staff[0].token });
    expect(view.status).toBe(200);
    expect(view.body.distribution).toEqual(report);

    // the employee accepts their own result: FINAL, recorded under the employee
    const a = await t.request('POST', `${evalPath(skps[0].id, Q)}/accept`, { token: org.staff[0].token });
    expect(a.status).toBe(200);
    expect(a.body.status).toBe('FINAL');
    const accepts = await t.dataSource.query(
      `SELECT tr.actor FROM evaluation_transitions tr JOIN evaluations e ON e.id = tr.evaluation_id WHERE e.skp_id = $1 AND e.period = $2 AND tr.action = 'ACCEPT'`,
      [skps[0].id, Q],
    );
    expect(accepts).toEqual([{ actor: org.staff[0].nip }]);
    // the other employee's window is still open: nothing decided for them
    const other = await t.dataSource.query(`SELECT status FROM evaluations WHERE skp_id = $1 AND period = $2`, [
      skps[1].id,
      Q,
    ]);
    expect(other).toEqual([{ status: 'ISSUED' }]);
  });
});
