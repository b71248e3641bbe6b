import { Client } from 'pg';
import {
  approvedStaffSkps,
  createEvalOrg,
  evalPath,
  EvalOrg,
  putRealizations,
  rate,
  setPerformance,
  setToday,
} from '../support/evaluation-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * The rating PUT is the year-end hot path: its response is built from what the step read and wrote (no
 * re-read), so it must equal the evaluation as a later GET shows it; and a re-rating is a bounded number
 * of statements (docs/performance.md, rating PUT).
 */
describe('rating PUT: the response is the stored evaluation, in few statements', () => {
  let t: TestApp;
  let admin: string;
  let org: EvalOrg;
  let skps: Awaited<ReturnType<typeof approvedStaffSkps>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    setToday(t, '2026-02-02');
    org = await createEvalOrg(t, 2);
    skps = await approvedStaffSkps(t, org);
    setToday(t, '2026-04-06');
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  /** Every statement any pg client sends while `fn` runs (the API runs in this process, no worker). */
  async function statements<T>(fn: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
    const sent: string[] = [];
    const original = Reflect.get(Client.prototype, 'query') as (...args: unknown[]) => unknown;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const q = args[0] as string | { text: string };
      sent.push(typeof q === 'string' ? q : q.text);
      return original.apply(this, args);
    } as never);
    try {
      return { result: await fn(), sent };
    } finally {
      spy.mockRestore();
    }
  }

  it('first rating, re-rating and GET agree; a re-rating sends at most 4 statements', async () => {
    const Q = '2026-Q1';
    expect((await putRealizations(t, org.staff[0], skps[0], Q)).status).toBe(200);
    expect((await setPerformance(t, admin, org.unitCode, Q, 'BAIK')).status).toBe(200);

    const first = await rate(t, org.ppk, skps[0], Q, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI');
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('RATED');
    expect((await t.request('GET', evalPath(skps[0].id, Q), { token: org.ppk.token })).body).toEqual(first.body);

    const { result: again, sent } = await statements(() =>
      rate(t, org.ppk, skps[0], Q, 'DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'Naik'),
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'RATED', predicate: 'BAIK', note: 'Naik', orgPredicate: 'BAIK' });
    expect(again.body.history.map((h: { action: string }) => h.action)).toEqual([
      'SUBMIT_REALIZATION',
      'RATE',
      'RERATE',
    ]);
    expect(again.body.results[0].indicators[0].realization).not.toBeNull();
    const stored = await t.request('GET', evalPath(skps[0].id, Q), { token: org.ppk.token });
    expect(stored.body).toEqual(again.body);
    const shown = sent.map((q, i) => `${i + 1}. ${q.replace(/\s+/g, ' ').slice(0, 140)}`).join('\n');
    expect({ statements: sent.length <= 4 ? 'at most 4' : shown }).toEqual({ statements: 'at most 4' });
  });
});
