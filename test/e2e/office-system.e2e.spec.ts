import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Workbook } from 'exceljs';
import IORedis from 'ioredis';
import { createEmployee, createUnit, uniqueNip } from '../support/org-skp-fixtures';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Data');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The office's system tools: audit trail, retry of failed jobs, and Excel uploads. */
describe('Office system: audit trail, failed-job retry, Excel imports', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = async (path: string, file: Buffer, type = XLSX) => {
    const res = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': type },
      body: file,
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('GET /audit: the trail of one entity, oldest first, cursor-paged; ADMIN only', async () => {
    const unit = await createUnit(t);
    const e = await createEmployee(t, { unitCode: unit, kind: 'PELAKSANA' });
    const moved = await createUnit(t);
    const m = await t.request('PATCH', `/api/v1/employees/${e.nip}`, {
      token: admin,
      body: { effectiveFrom: '2026-02-01', unitCode: moved, reason: 'Mutasi' },
    });
    expect(m.status).toBe(200);
    const first = await t.request('GET', `/api/v1/audit?entity=Employee&id=${e.nip}&limit=1`, { token: admin });
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      expect.objectContaining({
        action: 'employee.create',
        entityType: 'Employee',
        entityId: e.nip,
        actor: process.env.BOOTSTRAP_ADMIN_NIP,
        actorKind: 'ADMIN',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        correlationId: expect.any(String),
      }),
    ]);
    const rest = await t.request('GET', `/api/v1/audit?entity=Employee&id=${e.nip}&after=${first.body.nextCursor}`, {
      token: admin,
    });
    expect(rest.body.items.map((i: { action: string }) => i.action)).toContain('employee.mutate');
    expect(rest.body.nextCursor).toBeNull();
    expect(Number(rest.body.items[0].id)).toBeGreaterThan(Number(first.body.items[0].id));

    expect((await t.request('GET', `/api/v1/audit?entity=Employee&id=${e.nip}`, { token: e.token })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/audit?entity=Employee`, { token: admin })).status).toBe(400);
    expect(
      (
        await t.request(
          'GET',
          `/api/v1/audit?entity=Employee&id=${e.nip}&after=${Buffer.from('["x"]').toString('base64url')}`,
          { token: admin },
        )
      ).status,
    ).toBe(400);
  });

  it('POST /jobs/failed/{queue}/{id}/retry: a failed job goes back to the queue and runs; audited; 404/409 otherwise', async () => {
    const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
    const prefix = process.env.QUEUE_PREFIX!;
    const queue = new Queue('maintenance', { connection, prefix });
    const jobId = `retry-${randomBytes(4).toString('hex')}`;
    let succeed = false;
    const worker = new Worker(
      'maintenance',
      async (job) => {
        if (job.id !== jobId) return;
        if (!succeed) throw new Error('upstream down');
      },
      { connection, prefix },
    );
    try {
      await queue.add('test.flaky', { n: 1 }, { jobId, attempts: 1 });
      await eventually(async () => (await (await queue.getJob(jobId))!.getState()) === 'failed');
      const failed = await t.request('GET', '/api/v1/jobs/failed?queue=maintenance', { token: admin });
      expect(failed.body.items).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: jobId, failedReason: 'upstream down' })]),
      );

      const someone = await createEmployee(t, { unitCode: await createUnit(t), kind: 'PELAKSANA' });
      expect(
        (await t.request('POST', `/api/v1/jobs/failed/maintenance/${jobId}/retry`, { token: someone.token })).status,
      ).toBe(404);

      succeed = true;
      const r = await t.request('POST', `/api/v1/jobs/failed/maintenance/${jobId}/retry`, { token: admin });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        queue: 'maintenance',
        id: jobId,
        name: 'test.flaky',
        state: expect.stringMatching(/^(waiting|active|completed)$/),
      });
      await eventually(async () => (await (await queue.getJob(jobId))!.getState()) === 'completed');
      expect((await t.request('POST', `/api/v1/jobs/failed/maintenance/${jobId}/retry`, { token: admin })).status).toBe(
        409,
      );
      expect(
        (await t.request('POST', `/api/v1/jobs/failed/maintenance/no-such-job/retry`, { token: admin })).status,
      ).toBe(404);
      expect((await t.request('POST', `/api/v1/jobs/failed/nope/${jobId}/retry`, { token: admin })).status).toBe(404);
      const audit = await t.request('GET', `/api/v1/audit?entity=Job&id=maintenance:${jobId}`, { token: admin });
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'job.retry',
          before: expect.objectContaining({ state: 'failed', failedReason: 'upstream down' }),
        }),
      ]);
    } finally {
      await worker.close();
      await (await queue.getJob(jobId))?.remove();
      await queue.close();
      connection.disconnect();
    }
  });

  it('POST /attendance with an .xlsx file: one bad row → 400 naming the row and column, nothing written; then the good file is stored', async () => {
    const unit = await createUnit(t);
    const a = await createEmployee(t, { unitCode: unit, kind: 'PELAKSANA', login: false });
    const b = await createEmployee(t, { unitCode: unit, kind: 'PELAKSANA', login: false });
    const header = ['nip', 'lateMinutes', 'earlyLeaveMinutes', 'absentDays', 'missedApel'];
    const month = '2026-02';
    const stored = async () =>
      Number(
        (
          await t.dataSource.query(
            `SELECT count(*) AS n FROM attendance_months am JOIN employees e ON e.id = am.employee_id WHERE am.month = $1 AND e.nip = ANY($2::text[])`,
            [month, [a.nip, b.nip]],
          )
        )[0].n,
      );

    const bad = await workbook([header, [a.nip, '12, 45', '', 0, 1], [b.nip, '10, lima', '', 99, 0]]);
    const r = await upload(`/api/v1/attendance?month=${month}`, bad);
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      { row: 2, nip: b.nip, field: 'lateMinutes[1]', problem: expect.any(String) },
      { row: 2, nip: b.nip, field: 'absentDays', problem: expect.stringContaining('working days') },
    ]);
    expect(await stored()).toBe(0);

    // An 18-digit NIP typed as a number has lost digits: refused, never matched to someone else.
    const numeric = await upload(
      `/api/v1/attendance?month=${month}`,
      await workbook([header, [Number(a.nip), '', '', 0, 0]]),
    );
    expect(numeric.status).toBe(400);
    expect(numeric.body.errors).toEqual([expect.objectContaining({ row: 1, field: 'nip' })]);

    const good = await upload(
      `/api/v1/attendance?month=${month}`,
      await workbook([header, [a.nip, '12, 45', '-', 0, 1], [b.nip, null, null, 1, null]]),
    );
    expect(good.status).toBe(200);
    expect(good.body).toEqual(expect.objectContaining({ month, received: 2, created: 2, replaced: 0 }));
    const [row] = await t.dataSource.query(
      `SELECT am.late_minutes AS late, am.early_leave_minutes AS early, am.missed_apel AS apel FROM attendance_months am JOIN employees e ON e.id = am.employee_id WHERE am.month = $1 AND e.nip = $2`,
      [month, a.nip],
    );
    expect(row).toEqual({ late: [12, 45], early: [null], apel: 1 });

    const csv = await upload(
      `/api/v1/attendance?month=${month}`,
      Buffer.from(`nip;absentDays\n${a.nip};2\n`),
      'text/csv',
    );
    expect(csv.status).toBe(200);
    expect(csv.body).toEqual(expect.objectContaining({ replaced: 1 }));
    expect((await upload(`/api/v1/attendance`, await workbook([header, [a.nip, '', '', 0, 0]]))).status).toBe(400);
    expect((await upload(`/api/v1/attendance?month=${month}`, Buffer.from('not a workbook'))).status).toBe(400);
  });

  it('POST /employees/import with an .xlsx file: one bad row → nothing written, the row listed; then all rows created', async () => {
    const unit = await createUnit(t);
    const [x, y] = [uniqueNip(), uniqueNip()];
    const header = [
      'nip',
      'name',
      'status',
      'golongan',
      'unitCode',
      'supervisorNip',
      'password',
      'positionTitle',
      'positionKind',
      'jenjang',
      'kelasJabatan',
      'isUnitHead',
      'tmt',
      'effectiveFrom',
    ];
    const line = (nip: string, golongan: string) => [
      nip,
      `Pegawai ${nip.slice(-4)}`,
      'PNS',
      golongan,
      unit,
      '',
      '',
      'Analis',
      'PELAKSANA',
      '',
      7,
      'false',
      '2025-01-01',
      '',
    ];
    const bad = await upload('/api/v1/employees/import', await workbook([header, line(x, 'III/a'), line(y, 'III/z')]));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ row: 2, field: 'golongan' })]);
    expect(
      Number(
        (await t.dataSource.query(`SELECT count(*) AS n FROM employees WHERE nip = ANY($1::text[])`, [[x, y]]))[0].n,
      ),
    ).toBe(0);
    const ok = await upload('/api/v1/employees/import', await workbook([header, line(x, 'III/a'), line(y, 'III/b')]));
    expect(ok).toEqual({ status: 200, body: { created: 2, updated: 0, errors: [] } });
  });
});
