import { runJob } from '../support/discipline-fixtures';
import { eventually } from '../support/eventually';
import { setToday } from '../support/evaluation-fixtures';
import { recordFinalEvaluation } from '../support/final-evaluation';
import { createEmployee, createUnit, Person } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const reviews = '/api/v1/pppk/contract-reviews';
const contract = (nip: string) => `/api/v1/pppk/contracts/${nip}`;

/**
 * Spec 04 §6 through HTTP and the real worker: six months before a PPPK contract ends the
 * `pppk.contract-review` job proposes, once per contract, an outcome from the latest annual predikat
 * (K/SK → CONTRACT_NOT_EXTENDED, SB/B → EXTEND); a person decides once (409 after); a contract without an
 * end date is a visible problem, never a default.
 */
describe('PPPK contract review (04 §6)', () => {
  let t: TestApp;
  let admin: string;
  let unitCode: string;
  let kurang: Person;
  let baik: Person;
  let noPredikat: Person;
  let pns: Person;

  const pppk = () => createEmployee(t, { unitCode, status: 'PPPK', golongan: 'IX', from: '2024-03-01', login: false });
  const reviewsOf = async (nip: string) => (await t.request('GET', `${reviews}?nip=${nip}`, { token: admin })).body;
  const put = (nip: string, body: Record<string, unknown>) => t.request('PUT', contract(nip), { token: admin, body });

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
    setToday(t, '2026-03-02');
    unitCode = await createUnit(t);
    kurang = await pppk();
    baik = await pppk();
    noPredikat = await pppk();
    pns = await createEmployee(t, { unitCode, from: '2024-03-01' });
    await recordFinalEvaluation(t, kurang.nip, '2025', 'KURANG');
    await recordFinalEvaluation(t, baik.nip, '2024', 'KURANG');
    await recordFinalEvaluation(t, baik.nip, '2025', 'BAIK');
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  it('a PPPK without a contract end date is listed as a problem, not given a default', async () => {
    const none = await reviewsOf(noPredikat.nip);
    expect(none.items).toEqual([]);
    expect(none.problems).toEqual([expect.objectContaining({ nip: noPredikat.nip, code: 'CONTRACT_END_MISSING' })]);
    const r = await put(noPredikat.nip, { startsOn: '2024-03-01', endsOn: null, reference: 'PK-001' });
    expect(r.status).toBe(200);
    expect(r.body.current).toMatchObject({ startsOn: '2024-03-01', endsOn: null, source: 'ADMIN' });
    expect(r.body.problems[0].message).toMatch(/Tanggal berakhir perjanjian kerja belum dicatat/);
    expect((await put(pns.nip, { endsOn: '2026-08-31' })).status).toBe(422);
    expect((await put('199001012020121001', { endsOn: '2026-08-31' })).status).toBe(404);
    expect((await put(kurang.nip, { startsOn: '2026-09-01', endsOn: '2026-08-31' })).status).toBe(400);
    expect((await t.request('GET', reviews, { token: (await createEmployee(t, { unitCode })).token })).status).toBe(
      403,
    );
  });

  it('recording a contract due for review makes the worker propose CONTRACT_NOT_EXTENDED for a Kurang, once', async () => {
    expect((await put(kurang.nip, { startsOn: '2024-03-01', endsOn: '2026-08-31' })).status).toBe(200);
    const review = await eventually(async () => (await reviewsOf(kurang.nip)).items[0] ?? null);
    expect(review).toMatchObject({
      nip: kurang.nip,
      contractEnd: '2026-08-31',
      reviewDue: '2026-02-28',
      latestAnnual: { period: '2025', predicate: 'KURANG' },
      proposal: 'CONTRACT_NOT_EXTENDED',
      status: 'PROPOSED',
      decision: null,
      warnings: [],
    });
    expect(review.explanation).toMatchObject({ ruleId: 'pppk.contractReview' });
    expect(review.explanation.legalBasis).toMatch(/PP 49\/2018 Pasal 37/);
    const outcomes = await eventually(async () => {
      const o = await t.request('GET', `/api/v1/employees/${kurang.nip}/outcomes`, { token: admin });
      const items = o.body.items.filter(
        (x: { type: string; source: { kind: string } }) =>
          x.type === 'CONTRACT_NOT_EXTENDED' && x.source.kind === 'PPPK_CONTRACT_REVIEW',
      );
      return items.length ? items : null;
    });
    expect(outcomes).toEqual([expect.objectContaining({ status: 'PROPOSED', effectiveFrom: '2026-08-31' })]);
    // a replay of the job and the scheduled scan change nothing
    await runJob(t, 'pppk.contract-review', {});
    await runJob(t, 'pppk.contract-review', {});
    expect((await reviewsOf(kurang.nip)).items).toHaveLength(1);
    // the contract under review can no longer be corrected in place
    expect((await put(kurang.nip, { endsOn: '2026-09-30' })).status).toBe(409);
  });

  it('the review falls due six months before the end: Baik → EXTEND; no predikat → no proposal with a warning', async () => {
    await put(baik.nip, { startsOn: '2024-03-01', endsOn: '2026-12-31' });
    await put(noPredikat.nip, { startsOn: '2024-03-01', endsOn: '2026-12-31' });
    await runJob(t, 'pppk.contract-review', {});
    expect((await reviewsOf(baik.nip)).items).toEqual([]);
    setToday(t, '2026-06-30');
    await runJob(t, 'pppk.contract-review', {});
    const [b] = (await reviewsOf(baik.nip)).items;
    expect(b).toMatchObject({
      reviewDue: '2026-06-30',
      latestAnnual: { period: '2025', predicate: 'BAIK' },
      proposal: 'EXTEND',
    });
    const [n] = (await reviewsOf(noPredikat.nip)).items;
    expect(n).toMatchObject({ proposal: null, latestAnnual: null });
    expect(n.warnings[0]).toMatchObject({ code: 'PREDIKAT_MISSING' });
    expect((await reviewsOf(noPredikat.nip)).problems).toEqual([]);
  });

  it('a person decides once: not extended → CONTRACT_NOT_EXTENDED in force; extended → the next contract; 409 after', async () => {
    const [k] = (await reviewsOf(kurang.nip)).items;
    const decide = (id: string, body: Record<string, unknown>, token = admin) =>
      t.request('POST', `${reviews}/${id}/decision`, { token, body });
    expect((await decide(k.id, { decision: 'EXTEND', newEndDate: '2028-08-31' })).status).toBe(400); // reason needed
    const no = await decide(k.id, { decision: 'NOT_EXTENDED', decidedOn: '2026-06-29' });
    expect(no.status).toBe(200);
    expect(no.body).toMatchObject({
      status: 'DECIDED',
      decision: { decision: 'NOT_EXTENDED', newEndDate: null, decidedOn: '2026-06-29' },
    });
    expect((await decide(k.id, { decision: 'NOT_EXTENDED' })).status).toBe(409);
    const outcomes = await t.request('GET', `/api/v1/employees/${kurang.nip}/outcomes`, { token: admin });
    expect(
      outcomes.body.items.filter(
        (x: { type: string; status: string; source: { kind: string } }) =>
          x.type === 'CONTRACT_NOT_EXTENDED' && x.source.kind === 'PPPK_CONTRACT_REVIEW' && x.status === 'ACTIVE',
      ),
    ).toEqual([expect.objectContaining({ effectiveFrom: '2026-09-01' })]);

    const [b] = (await reviewsOf(baik.nip)).items;
    expect((await decide(b.id, { decision: 'EXTEND' })).status).toBe(400);
    expect((await decide(b.id, { decision: 'EXTEND', newEndDate: '2026-12-01' })).status).toBe(422);
    const yes = await decide(b.id, { decision: 'EXTEND', newEndDate: '2031-12-31' });
    expect(yes.status).toBe(200);
    expect(yes.body.decision).toMatchObject({ decision: 'EXTEND', newEndDate: '2031-12-31' });
    const detail = await t.request('GET', contract(baik.nip), { token: admin });
    expect(detail.body.current).toMatchObject({ startsOn: '2027-01-01', endsOn: '2031-12-31', source: 'EXTENSION' });
    expect(detail.body.history).toHaveLength(2);
    // the next contract is not due for review yet; the decided one stays decided
    await runJob(t, 'pppk.contract-review', {});
    expect((await reviewsOf(baik.nip)).items).toHaveLength(1);
    expect((await decide(b.id, { decision: 'NOT_EXTENDED', reason: 'Berubah pikiran' })).status).toBe(409);
    expect((await decide('00000000-0000-4000-8000-000000000000', { decision: 'NOT_EXTENDED' })).status).toBe(404);

    const audit: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'PppkContractReview' AND entity_id = ANY($1) ORDER BY id`,
      [[k.id, b.id]],
    );
    expect(audit.map((a) => a.action)).toEqual(['pppk.contract-review.decide', 'pppk.contract-review.decide']);
  });
});
