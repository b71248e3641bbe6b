import { casesPath } from '../support/discipline-fixtures';
import { setToday } from '../support/evaluation-fixtures';
import { createEmployee, createUnit, Person } from '../support/org-skp-fixtures';
import { createTestApp, eventually, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * POST /attendance emits AttendanceIngested (ids only) in the ingest transaction, so the PP 94 ladder
 * scan runs at once (no scheduler tick, no job enqueued by hand); an identical re-send emits nothing.
 */
describe('attendance ingest → AttendanceIngested → ladder scan at once', () => {
  let t: TestApp;
  let admin: string;
  let staff: Person;
  const MONTH = '2026-05';

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
    setToday(t, '2026-06-03');
    const unitCode = await createUnit(t, null, 'AIE');
    const supervisor = await createEmployee(t, {
      unitCode,
      kind: 'PENGAWAS',
      isUnitHead: true,
      kelasJabatan: 9,
      golongan: 'III/d',
    });
    staff = await createEmployee(t, { unitCode, kind: 'PELAKSANA', supervisorNip: supervisor.nip, kelasJabatan: 6 });
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  const ingest = async (absentDays: number) => {
    const r = await t.request('POST', '/api/v1/attendance', {
      token: admin,
      body: {
        month: MONTH,
        records: [{ nip: staff.nip, lateMinutes: [], earlyLeaveMinutes: [], absentDays, missedApel: 0 }],
      },
    });
    expect(r.status).toBe(200);
    return r.body;
  };
  const events = async () => {
    const rows: { id: string; payload: Record<string, unknown> }[] = await t.dataSource.query(
      `SELECT o.id::text AS id, o.payload FROM outbox o WHERE o.event_type = 'AttendanceIngested' AND o.aggregate_id = $1 AND o.created_at >= now() - interval '10 minutes' ORDER BY o.id`,
      [MONTH],
    );
    return rows;
  };

  it('crossing the first rung opens the ATTENDANCE case without a scheduler tick; the event carries ids only', async () => {
    const before = (await events()).length;
    expect(await ingest(4)).toMatchObject({ created: 1 });
    const after = await events();
    expect(after).toHaveLength(before + 1);
    const ev = after[after.length - 1];
    expect(Object.keys(ev.payload).sort()).toEqual(['batchId', 'month']);
    expect(ev.payload.month).toBe(MONTH);

    const cases = await eventually(async () => {
      const r = await t.request('GET', `${casesPath}?kind=ATTENDANCE&nip=${staff.nip}`, { token: admin });
      return r.body.items?.length > 0 ? r.body.items : null;
    }, 30000);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      classification: { level: 'RINGAN' },
      attendance: { cumulativeDays: 4, year: 2026 },
    });
    // the scan job triggered by this event ran
    await eventually(
      async () =>
        (
          await t.dataSource.query(`SELECT 1 FROM job_receipts WHERE job_id = $1`, [
            `o${ev.id}-discipline_scan-attendance`,
          ])
        ).length > 0,
      30000,
    );

    // an identical re-send writes nothing and emits nothing
    expect(await ingest(4)).toMatchObject({ unchanged: 1 });
    expect(await events()).toHaveLength(after.length);
  });
});
