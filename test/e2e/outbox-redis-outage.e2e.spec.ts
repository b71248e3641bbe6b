import { eventually } from '../support/eventually';
import { nextNip, nextUnitCode } from '../support/fixtures';
import { usePrivateRedisApp } from '../support/private-redis-app';

/**
 * Redis goes away: health turns 503, writes keep working (their jobs wait in the outbox), and once
 * Redis is back the relay drains the outbox and the worker processes each job exactly once.
 */
describe('outbox survives a Redis outage', () => {
  const ctx = usePrivateRedisApp();

  it('keeps accepting writes while Redis is down and drains the outbox after it returns', async () => {
    const { t, redis } = ctx;
    const admin = await t.adminToken();
    expect((await t.request('GET', '/api/health')).status).toBe(200);

    redis.down();
    await eventually(async () => (await t.request('GET', '/api/health')).status === 503);
    const health = await t.request('GET', '/api/health');
    expect(health.body.status).toBe('error');
    expect(health.body.checks.redis.status).toBe('down');
    expect(health.body.checks.database.status).toBe('up');
    expect(health.body.details).toEqual([expect.objectContaining({ field: 'redis' })]);

    const unitCode = nextUnitCode('R');
    expect(
      (
        await t.request('POST', '/api/v1/units', {
          token: admin,
          body: { code: unitCode, name: 'Unit Redis Down', parentCode: null },
        })
      ).status,
    ).toBe(201);
    const nips = [nextNip(), nextNip()];
    for (const nip of nips) {
      const r = await t.request('POST', '/api/v1/employees', {
        token: admin,
        body: {
          nip,
          name: 'Pegawai Uji',
          status: 'PNS',
          golongan: 'III/a',
          unitCode,
          supervisorNip: null,
          position: {
            title: 'Pengadministrasi Umum',
            kind: 'PELAKSANA',
            jenjang: null,
            kelasJabatan: 5,
            tmt: '2025-01-01',
          },
        },
      });
      expect(r.status).toBe(201);
    }
    const ids: { id: string }[] = await t.dataSource.query(`SELECT id FROM employees WHERE nip = ANY($1)`, [nips]);
    const pending = await t.dataSource.query(
      `SELECT id FROM outbox WHERE event_type = 'EmployeeCreated' AND aggregate_id = ANY($1) AND dispatched_at IS NULL`,
      [ids.map((i) => i.id)],
    );
    expect(pending).toHaveLength(2);

    await redis.up();
    // Tight bounds: reconnects back off at most 2 s, the relay polls every OUTBOX_POLL_MS, and the
    // private database holds no backlog of other test files ahead of these two rows.
    await eventually(async () => (await t.request('GET', '/api/health')).status === 200, 10_000);
    const receipts = await eventually(async () => {
      const rows = await t.dataSource.query(
        `SELECT r.job_id FROM job_receipts r JOIN outbox o ON r.job_id = 'o' || o.id || '-org_employee-created' WHERE o.aggregate_id = ANY($1)`,
        [ids.map((i) => i.id)],
      );
      return rows.length === 2 ? rows : null;
    }, 10_000);
    expect(receipts).toHaveLength(2);
    const undispatched = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = ANY($1) AND dispatched_at IS NULL`,
      [ids.map((i) => i.id)],
    );
    expect(undispatched[0].n).toBe(0);
  }, 90_000);
});
