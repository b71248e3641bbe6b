import {
  allPayrollItems,
  API,
  createEmployee,
  createUnit,
  goldenAllowance,
  insertFinalEvaluation,
  runMonth,
} from '../support/allowance-fixtures';
import { casesPath, runJob, step } from '../support/discipline-fixtures';
import { setToday } from '../support/evaluation-fixtures';
import { createTestApp, eventually, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * Issue 8 "Effects" through HTTP and the real worker: a netralitas case decided with
 * POTONG_TUKIN_25_6M and effective before the month cuts the allowance line of the month
 * (spec 03 §16 / golden tpp-001), with the sanction named in the HUKDIS reason; the decision's
 * ALLOWANCE_CUT outcome stays single whatever is replayed.
 */
describe('allowance run with a discipline sanction in force (HUKDIS)', () => {
  let t: TestApp;
  let admin: string;
  let nip: string;
  let caseId: string;
  let effectiveFrom: string;
  // June 2026: Mon–Fri = 22 days (configured below so holidays elsewhere cannot move it); no other test uses it.
  const MONTH = '2026-06';

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
    const unit = await createUnit(t);
    const rs = await t.request('PUT', `${API}/allowance/rule-sets/R-HK-${unit}`, {
      token: admin,
      body: { template: 'R-TPP-DEMO', effectiveFrom: '2025-01-01', unitCodes: [unit], baseTable: { '8': 5000000 } },
    });
    expect(rs.status).toBe(201);
    nip = await createEmployee(t, unit, 8);
    await insertFinalEvaluation(t, nip, '2026-Q2', 'BAIK'); // R-TPP-DEMO: the quarter's predikat pays its months
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  it('a netralitas case decided with POTONG_TUKIN_25_6M becomes effective before the month (sanction row, one ALLOWANCE_CUT outcome)', async () => {
    setToday(t, '2026-03-02');
    const r = await t.request('POST', casesPath, {
      token: admin,
      body: {
        nip,
        kind: 'NETRALITAS',
        act: 'N05',
        stage: 'CALON',
        occurredOn: '2026-02-25',
        reportedBy: 'Bawaslu Kabupaten',
        evidenceUrls: ['https://bukti.example.go.id/kampanye.jpg'],
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.classification.candidateSanctions).toContain('POTONG_TUKIN_25_6M');
    caseId = r.body.id;
    expect((await step(t, caseId, 'verify', {})).status).toBe(200);
    expect((await step(t, caseId, 'recommendation', { level: 'SEDANG', sanction: 'POTONG_TUKIN_25_6M' })).status).toBe(
      200,
    );
    const d = await step(t, caseId, 'decision', {
      sanction: 'POTONG_TUKIN_25_6M',
      decidedOn: '2026-03-02',
      decisionRef: '800/42/BKPSDM/2026',
    });
    expect(d.status).toBe(200);
    const del = await step(t, caseId, 'delivery', { deliveredOn: '2026-03-02' });
    expect(del.status).toBe(200);
    effectiveFrom = del.body.effectiveFrom;
    expect(effectiveFrom < `${MONTH}-01`).toBe(true);

    setToday(t, effectiveFrom);
    await runJob(t, 'discipline.sweep');
    const rows = await eventually(async () => {
      const x = await t.dataSource.query(
        `SELECT sanction, to_char(effective_from,'YYYY-MM-DD') AS f FROM discipline_sanctions WHERE case_id = $1`,
        [caseId],
      );
      return x.length === 1 ? x : null;
    }, 60000);
    expect(rows[0]).toEqual({ sanction: 'POTONG_TUKIN_25_6M', f: effectiveFrom });
    t.clock.reset();
  });

  it('the run for the month gives the §16 figures: TL 60,000, TK 90,909, HUKDIS 1,250,000, net 3,599,091, the sanction named in the reason', async () => {
    const wd = await t.request('PUT', `${API}/allowance/working-days/${MONTH}`, {
      token: admin,
      body: { workingDays: 22 },
    });
    expect(wd.status).toBe(200);
    const att = await t.request('POST', `${API}/attendance`, {
      token: admin,
      body: {
        month: MONTH,
        records: [{ nip, lateMinutes: [45, 45, 45], earlyLeaveMinutes: [], absentDays: 1, missedApel: 0 }],
      },
    });
    expect(att.status).toBe(200);
    const run = await runMonth(t, MONTH, 90000);
    expect(run.status).toBe('DONE');

    const golden = goldenAllowance('tpp-001');
    expect(golden.input).toMatchObject({
      basicAmount: 5000000,
      workingDays: 22,
      predicate: 'BAIK',
      attendance: { lateMinutes: [45, 45, 45], absentDays: 1 },
    });
    const item = (await allPayrollItems(t, MONTH, { token: admin })).find((i) => i.nip === nip);
    expect(item).toMatchObject({
      basicAmount: golden.expected.basicAmount,
      performancePart: golden.expected.performancePart,
      disciplinePart: golden.expected.disciplinePart,
      totalDeductions: golden.expected.totalDeductions,
      netAmount: 3599091,
      version: 1,
    });
    expect(item.deductions.map((x: { code: string; amount: number }) => [x.code, x.amount])).toEqual([
      ['TL', 60000],
      ['TK', 90909],
      ['HUKDIS', 1250000],
    ]);
    expect(
      Object.fromEntries(item.deductions.map((x: { code: string; amount: number }) => [x.code, x.amount])),
    ).toEqual(golden.expected.deductionsByCode);
    const hukdis = item.deductions.find((x: { code: string }) => x.code === 'HUKDIS');
    expect(hukdis.reason).toContain('Hukuman disiplin');
    expect(hukdis.reason).toContain('POTONG_TUKIN_25_6M');
    expect(item.basicAmount - item.deductions.reduce((s: number, x: { amount: number }) => s + x.amount, 0)).toBe(
      item.netAmount,
    );
    expect(item.explanation.context.sanctions.considered).toEqual([
      { caseId, sanction: 'POTONG_TUKIN_25_6M', effectiveFrom },
    ]);

    // the month before the effective date is not cut
    const before = await runMonth(t, '2026-02', 90000);
    expect(before.status).toBe('DONE');
    const feb = (await allPayrollItems(t, '2026-02', { token: admin })).find((i) => i.nip === nip);
    expect(feb.deductions.filter((x: { code: string }) => x.code === 'HUKDIS')).toEqual([]);
  });

  it('shows ALLOWANCE_CUT from the decision once, even after the effect job, the event and the run are replayed', async () => {
    const cutsFromDecision = async () => {
      const r = await t.request('GET', `${API}/employees/${nip}/outcomes`, { token: admin });
      expect(r.status).toBe(200);
      return (
        r.body.items as { type: string; source: { kind: string; id: string }; effectiveFrom: string; reason: string }[]
      ).filter((o) => o.type === 'ALLOWANCE_CUT' && o.source.kind === 'DISCIPLINE_DECISION' && o.source.id === caseId);
    };
    const first = await eventually(async () => {
      const c = await cutsFromDecision();
      return c.length > 0 ? c : null;
    }, 60000);
    expect(first).toHaveLength(1);
    expect(first[0].effectiveFrom).toBe(effectiveFrom);

    await runJob(t, 'discipline.apply-effects', { caseId });
    await runJob(t, 'discipline.apply-effects', { caseId });
    const [ev] = await t.dataSource.query(
      `SELECT payload FROM outbox WHERE event_type = 'DisciplineEffective' AND aggregate_id = $1`,
      [caseId],
    );
    await t.dataSource.query(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, correlation_id) VALUES ('DisciplineEffective', 'DisciplineCase', $1, $2, $3)`,
      [caseId, JSON.stringify(ev.payload), `replay-hukdis-${caseId}`],
    );
    await eventually(async () => {
      const rows = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM job_receipts r JOIN outbox o ON r.job_id = 'o' || o.id || '-discipline_apply-effects' WHERE o.correlation_id = $1`,
        [`replay-hukdis-${caseId}`],
      );
      return rows[0].n === 1;
    }, 60000);
    const rerun = await runMonth(t, MONTH, 90000);
    expect(rerun.status).toBe('DONE');

    expect(await cutsFromDecision()).toHaveLength(1);
    const counts = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM discipline_sanctions WHERE case_id = $1) AS sanctions,
              (SELECT count(*)::int FROM outcomes WHERE source_id = $1::text AND type = 'ALLOWANCE_CUT') AS cuts`,
      [caseId],
    );
    expect(counts[0]).toEqual({ sanctions: 1, cuts: 1 });
    const item = (await allPayrollItems(t, MONTH, { token: admin })).find((i) => i.nip === nip);
    expect(item).toMatchObject({ netAmount: 3599091, version: 1 });
  });
});
