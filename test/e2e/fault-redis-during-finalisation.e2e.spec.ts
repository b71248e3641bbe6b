import { eventually } from '../support/eventually';
import { usePrivateRedisApp } from '../support/private-redis-app';

jest.setTimeout(240_000);

/**
 * Fault test: Redis is stopped while evaluations become FINAL and restarted later; every outcome
 * the pipeline derives still appears, exactly once.
 */
describe('outcomes survive a Redis outage during finalisation', () => {
  const ctx = usePrivateRedisApp();

  it('finalises with Redis down, then derives every outcome once after Redis returns', async () => {
    const { t, redis } = ctx;
    const fx = require('../support/evaluation-fixtures') as typeof import('../support/evaluation-fixtures');
    const { deriveOutcomes } = require('../../src/rules') as typeof import('../../src/rules');
    const Y = '2026';
    fx.setToday(t, '2026-02-02');
    const org = await fx.createEvalOrg(t, 3);
    const skps = await fx.approvedStaffSkps(t, org);
    fx.setToday(t, '2027-01-08');
    const ratings: [string, string][] = [
      ['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI'],
      ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
      ['DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'],
    ];
    for (let i = 0; i < 3; i++) {
      expect((await fx.putRealizations(t, org.staff[i], skps[i], Y)).status).toBe(200);
      expect((await fx.rate(t, org.ppk, skps[i], Y, ratings[i][0] as never, ratings[i][1] as never)).status).toBe(200);
    }
    expect((await fx.setPerformance(t, org.leader.token, org.unitCode, Y, 'BAIK')).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const f = await t.request('POST', `${fx.evalPath(skps[i].id, Y)}/finalize`, {
        token: org.ppk.token,
        body: { justification: 'Uji gangguan Redis' },
      });
      expect(f.status).toBe(200);
    }

    redis.down();
    await eventually(async () => (await t.request('GET', '/api/health')).status === 503);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await t.request('POST', `${fx.evalPath(skps[i].id, Y)}/accept`, { token: org.staff[i].token });
      expect(a.status).toBe(200);
      expect(a.body.status).toBe('FINAL');
      ids.push(a.body.id);
    }
    const pending = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE event_type = 'EvaluationFinalized' AND aggregate_id = ANY($1) AND dispatched_at IS NULL`,
      [ids],
    );
    expect(pending[0].n).toBe(3);

    await redis.up();
    // What the rules say each employee must get from their FINAL predicate (computed independently here).
    const expected = await Promise.all(
      org.staff.map(async (s, i) => {
        const [ev] = await t.dataSource.query(`SELECT predicate FROM evaluations WHERE id = $1`, [ids[i]]);
        return deriveOutcomes({
          nip: s.nip,
          employeeStatus: 'PNS',
          positionKind: 'PELAKSANA',
          asOf: t.clock.today(),
          predicates: [{ period: Y, predicate: ev.predicate, evaluationId: ids[i] }],
        })
          .outcomes.map((o) => o.type)
          .sort();
      }),
    );
    expect(expected.flat().length).toBeGreaterThan(0);
    await eventually(async () => {
      const rows = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = ANY($1) AND dispatched_at IS NULL`,
        [ids],
      );
      return rows[0].n === 0;
    }, 60_000);
    for (let i = 0; i < 3; i++) {
      const got = await eventually(async () => {
        const r = await t.request('GET', `/api/v1/employees/${org.staff[i].nip}/outcomes`, {
          token: await t.adminToken(),
        });
        const types = (r.body.items as { type: string }[]).map((o) => o.type).sort();
        return types.length >= expected[i].length ? types : null;
      }, 60_000);
      expect(got).toEqual(expected[i]);
    }
  });
});
