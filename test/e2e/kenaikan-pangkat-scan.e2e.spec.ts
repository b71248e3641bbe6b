import { casesPath, runJob, step } from '../support/discipline-fixtures';
import { eventually } from '../support/eventually';
import { setToday } from '../support/evaluation-fixtures';
import { recordFinalEvaluation } from '../support/final-evaluation';
import { createEmployee, createUnit } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/** Issue 19 §3: the monthly KP scan through the worker emits one KENAIKAN_PANGKAT_ELIGIBLE per person and TMT. */
describe('monthly kenaikan pangkat scan (04 §3, worker)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
  }, 30000);
  afterEach(() => t.clock.reset());
  afterAll(async () => {
    await t.close();
  });

  async function pelaksana(unitCode: string, golongan: string, from: string, education: string | null) {
    const p = await createEmployee(t, { unitCode, kind: 'PELAKSANA', golongan, from });
    if (education) {
      const r = await t.request('PATCH', `/api/v1/employees/${p.nip}`, {
        token: admin,
        body: { education: { level: education, name: `${education} Umum` } },
      });
      expect(r.status).toBe(200);
    }
    return p;
  }

  const kpOutcomes = (nip: string) =>
    t.dataSource.query(
      `SELECT o.key, o.reason, to_char(o.effective_from,'YYYY-MM-DD') AS "effectiveFrom", o.source_kind
         FROM outcomes o JOIN employees e ON e.id = o.employee_id WHERE e.nip = $1 AND o.type = 'KENAIKAN_PANGKAT_ELIGIBLE'`,
      [nip],
    );

  it('regular KP outside a JF: run twice in the window of the TMT, one outcome with the TMT; unmet conditions give none', async () => {
    const unitCode = await createUnit(t);
    // II/c since 10 Jan 2023, SMA (ceiling III/b): 48 months complete on 10 Jan 2027 → TMT 1 Feb 2027,
    // proposals 16 Dec 2026 – 15 Jan 2027 (04 §3.2).
    const due = await pelaksana(unitCode, 'II/c', '2023-01-10', 'SMA');
    await recordFinalEvaluation(t, due.nip, '2024', 'BAIK');
    await recordFinalEvaluation(t, due.nip, '2025', 'SANGAT_BAIK');
    // Same dates, but one annual predikat only: not yet.
    const short = await pelaksana(unitCode, 'II/c', '2023-01-10', 'SMA');
    await recordFinalEvaluation(t, short.nip, '2025', 'BAIK');
    // At the ijazah ceiling (SMA → III/b): no regular KP at all.
    const capped = await pelaksana(unitCode, 'III/b', '2020-01-10', 'SMA');
    await recordFinalEvaluation(t, capped.nip, '2024', 'BAIK');
    await recordFinalEvaluation(t, capped.nip, '2025', 'BAIK');

    // Before the window opens nothing is emitted.
    setToday(t, '2026-12-01');
    await runJob(t, 'kenaikan-pangkat.monthly-scan');
    expect(await kpOutcomes(due.nip)).toEqual([]);

    setToday(t, '2026-12-20');
    await runJob(t, 'kenaikan-pangkat.monthly-scan');
    await runJob(t, 'kenaikan-pangkat.monthly-scan');
    const got = await kpOutcomes(due.nip);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      key: `KENAIKAN_PANGKAT_ELIGIBLE|${due.nip}|KP:II/d@2027-02-01`,
      effectiveFrom: '2027-02-01',
      source_kind: 'KP_CALENDAR',
    });
    expect(got[0].reason).toContain('usul 2026-12-16 s.d. 2027-01-15');
    expect(await kpOutcomes(short.nip)).toEqual([]);
    expect(await kpOutcomes(capped.nip)).toEqual([]);

    // The outcome is visible through the API.
    const api = await t.request('GET', `/api/v1/employees/${due.nip}/outcomes`, { token: admin });
    expect(api.status).toBe(200);
    expect(api.body.items.filter((o: { type: string }) => o.type === 'KENAIKAN_PANGKAT_ELIGIBLE')).toHaveLength(1);
  });

  it('calendar (ADMIN only): status ELIGIBLE, NOT_YET with reasons, DELAYED by a sanction in force; cursor pages', async () => {
    const parent = await createUnit(t);
    const unitCode = await createUnit(t, parent);
    const ok = await pelaksana(unitCode, 'II/c', '2023-01-10', 'SMA');
    await recordFinalEvaluation(t, ok.nip, '2024', 'BAIK');
    await recordFinalEvaluation(t, ok.nip, '2025', 'BAIK');
    const noEducation = await pelaksana(unitCode, 'II/c', '2023-01-10', null);
    const sanctioned = await pelaksana(unitCode, 'II/c', '2023-01-10', 'SMA');
    await recordFinalEvaluation(t, sanctioned.nip, '2024', 'BAIK');
    await recordFinalEvaluation(t, sanctioned.nip, '2025', 'BAIK');

    // A hukuman disiplin sedang (tukin cut 6 months) in force from December 2026: the 1 Feb 2027 TMT is passed over (04 §3.3).
    setToday(t, '2026-12-07');
    const c = await t.request('POST', casesPath, {
      token: admin,
      body: {
        nip: sanctioned.nip,
        kind: 'NETRALITAS',
        act: 'N05',
        stage: 'CALON',
        occurredOn: '2026-12-01',
        reportedBy: 'Bawaslu Kabupaten',
        evidenceUrls: ['https://bukti.example.go.id/kampanye.jpg'],
      },
    });
    expect(c.status).toBe(201);
    const caseId = c.body.id;
    expect((await step(t, caseId, 'verify', {})).status).toBe(200);
    expect((await step(t, caseId, 'recommendation', { level: 'SEDANG', sanction: 'POTONG_TUKIN_25_6M' })).status).toBe(
      200,
    );
    expect(
      (
        await step(t, caseId, 'decision', {
          sanction: 'POTONG_TUKIN_25_6M',
          decidedOn: '2026-12-07',
          decisionRef: '800/7/BKPSDM/2026',
        })
      ).status,
    ).toBe(200);
    const del = await step(t, caseId, 'delivery', { deliveredOn: '2026-12-07' });
    expect(del.status).toBe(200);
    const effectiveFrom: string = del.body.effectiveFrom;
    setToday(t, effectiveFrom);
    await runJob(t, 'discipline.sweep');
    await eventually(async () => {
      const x = await t.dataSource.query(`SELECT 1 FROM discipline_sanctions WHERE case_id = $1`, [caseId]);
      return x.length === 1;
    }, 60000);

    const path = `/api/v1/kenaikan-pangkat/calendar?year=2027&unitCode=${parent}`;
    const r = await t.request('GET', path, { token: admin });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ year: 2027, unitCode: parent, asOf: effectiveFrom });
    const by = new Map(r.body.items.map((i: { nip: string }) => [i.nip, i]));
    expect(by.get(ok.nip)).toMatchObject({
      track: 'REGULAR',
      golongan: 'II/c',
      to: 'II/d',
      eligibleOn: '2027-01-10',
      tmt: '2027-02-01',
      submitFrom: '2026-12-16',
      submitBy: '2027-01-15',
      regime: 'PERBKN_4_2025',
      status: 'ELIGIBLE',
      unmet: [],
    });
    expect(by.get(noEducation.nip)).toMatchObject({ tmt: null, status: 'NOT_YET', unmet: ['EDUCATION_MISSING'] });
    const delayed = by.get(sanctioned.nip) as { status: string; tmt: string; delayedBy: unknown[]; reasons: string[] };
    expect(delayed.status).toBe('DELAYED');
    expect(delayed.tmt > '2027-02-01').toBe(true);
    expect(delayed.delayedBy[0]).toMatchObject({
      tmt: '2027-02-01',
      reason: 'SANCTION_BLOCKING',
      sanction: 'POTONG_TUKIN_25_6M',
      caseId,
    });
    expect(delayed.reasons.join(' ')).toContain('POTONG_TUKIN_25_6M');

    // Cursor pages: one item each, the same items in the same order.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { status: number; body: { items: { nip: string }[]; nextCursor: string | null } } = await t.request(
        'GET',
        `${path}&limit=1${after ? `&after=${after}` : ''}`,
        { token: admin },
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i) => i.nip));
      after = page.body.nextCursor;
    } while (after);
    expect(seen).toEqual(r.body.items.map((i: { nip: string }) => i.nip));

    // ADMIN only: 404 for anyone else; unknown unit 404; bad year 400.
    expect((await t.request('GET', path, { token: ok.token })).status).toBe(404);
    expect(
      (await t.request('GET', '/api/v1/kenaikan-pangkat/calendar?year=2027&unitCode=NOPE-X', { token: admin })).status,
    ).toBe(404);
    expect((await t.request('GET', '/api/v1/kenaikan-pangkat/calendar?year=abc', { token: admin })).status).toBe(400);
  });
});
