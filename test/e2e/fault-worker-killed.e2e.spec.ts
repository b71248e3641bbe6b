import type { ChildProcess } from 'node:child_process';
import { API, createUnit } from '../support/allowance-fixtures';
import { eventually } from '../support/eventually';
import { randomNipPrefix } from '../support/roster-generator';
import { createTestApp, TestApp } from '../support/test-app';
import { startWorkerProcess, stopWorkerProcess } from '../support/worker-process';

jest.setTimeout(300_000);

/** Fault test: the worker process is killed (SIGKILL) in the middle of a 5,000-employee run and restarted. */
describe('a monthly run survives a killed worker', () => {
  const N = 5000;
  const MONTH = '2026-08';
  let t: TestApp;
  let worker: ChildProcess | null = null;
  let prefix: string;

  beforeAll(async () => {
    t = await createTestApp(); // API in this process; the worker is a separate OS process
    const admin = await t.adminToken();
    const unitCode = await createUnit(t);
    const put = await t.request('PUT', `${API}/allowance/rule-sets/R-KILL-${unitCode}`, {
      token: admin,
      body: { template: 'R-TPP-DEMO', effectiveFrom: '2026-01-01', unitCodes: [unitCode] },
    });
    expect(put.status).toBe(201);
    prefix = randomNipPrefix();
    const [unit] = await t.dataSource.query(`SELECT id FROM units WHERE code = $1`, [unitCode]);
    await t.dataSource.query(
      `WITH e AS (
         INSERT INTO employees (nip, name, status)
         SELECT $1 || lpad(g::text, 6, '0'), 'Pegawai ' || g, 'PNS' FROM generate_series(1, $2::int) g RETURNING id, nip)
       INSERT INTO employee_assignments (employee_id, valid_from, unit_id, golongan, position_title, position_kind, kelas_jabatan, tmt)
       SELECT e.id, '2025-01-01', $3, 'III/a', 'Pelaksana', 'PELAKSANA', 1 + (right(e.nip, 6)::int % 17), '2025-01-01' FROM e`,
      [prefix, N, unit.id],
    );
  });

  afterAll(async () => {
    if (worker) await stopWorkerProcess(worker);
    await t?.close();
  });

  it('completes with exactly one line per employee after a SIGKILL mid-run and a restart', async () => {
    worker = startWorkerProcess({ WORKER_CONCURRENCY: '1' });
    const admin = await t.adminToken();
    const r = await t.request('POST', `${API}/allowance/runs`, { token: admin, body: { month: MONTH } });
    expect(r.status).toBe(202);
    const runUrl = `${API}/allowance/runs/${r.body.id}`;

    // Kill as soon as some, but not all, chunks are written.
    const mid = await eventually(
      async () => {
        const g = await t.request('GET', runUrl, { token: admin });
        return g.body.processed > 0 ? g.body : null;
      },
      120_000,
      20,
    );
    await stopWorkerProcess(worker, 'SIGKILL');
    expect(mid.processed).toBeLessThan(mid.total);
    const atKill = await t.request('GET', runUrl, { token: admin });
    expect(atKill.body.status).not.toBe('DONE');

    worker = startWorkerProcess({ WORKER_CONCURRENCY: '4' });
    const done = await eventually(
      async () => {
        const g = await t.request('GET', runUrl, { token: admin });
        return g.body.status === 'DONE' || g.body.status === 'FAILED' ? g.body : null;
      },
      240_000,
      200,
    );
    expect(done.status).toBe('DONE');
    expect(done.processed).toBe(done.total);

    const [stats] = await t.dataSource.query(
      `SELECT count(*)::int AS lines, count(DISTINCT l.employee_id)::int AS employees
         FROM allowance_lines l JOIN employees e ON e.id = l.employee_id WHERE l.month = $1 AND e.nip LIKE $2`,
      [MONTH, `${prefix}%`],
    );
    expect(stats).toEqual({ lines: N, employees: N });
  });
});
