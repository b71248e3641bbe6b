import { casesPath, runJob } from '../support/discipline-fixtures';
import { setToday } from '../support/evaluation-fixtures';
import { createEmployee, createUnit, Person } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * Issue 8 §3: attendance ingested through POST /attendance is checked against the PP 94/2021 ladder by
 * the discipline scan (a repeatable job, run here directly as a scheduler tick would): crossing a rung
 * opens exactly one ATTENDANCE case, whatever the number of scans and re-sends.
 */
describe('attendance ladder → automatic ATTENDANCE cases', () => {
  let t: TestApp;
  let admin: string;
  let unitCode: string;
  let supervisor: Person;
  let staff: Person;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
    setToday(t, '2026-04-06');
    unitCode = await createUnit(t, null, 'ATT');
    supervisor = await createEmployee(t, {
      unitCode,
      kind: 'PENGAWAS',
      isUnitHead: true,
      kelasJabatan: 9,
      golongan: 'III/d',
    });
    staff = await createEmployee(t, { unitCode, kind: 'PELAKSANA', supervisorNip: supervisor.nip, kelasJabatan: 6 });
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  const ingest = async (month: string, absentDays: number, lateMinutes: number[] = []) => {
    const r = await t.request('POST', '/api/v1/attendance', {
      token: admin,
      body: { month, records: [{ nip: staff.nip, lateMinutes, earlyLeaveMinutes: [], absentDays, missedApel: 0 }] },
    });
    expect(r.status).toBeLessThan(300);
  };
  const attendanceCases = async () => {
    const r = await t.request('GET', `${casesPath}?kind=ATTENDANCE&nip=${staff.nip}`, { token: admin });
    expect(r.status).toBe(200);
    return r.body.items as {
      id: string;
      status: string;
      reportedBy: string;
      classification: { level: string; candidateSanctions: string[] };
      attendance: { cumulativeDays: number; lateEarlyMinutes: number; year: number };
    }[];
  };

  it('opens nothing below the first rung, then exactly one case when a rung is crossed, even after repeated scans and re-sends', async () => {
    await ingest('2026-01', 2);
    await runJob(t, 'discipline.scan-attendance');
    expect(await attendanceCases()).toEqual([]);

    // 2 + 1 days + 450 late minutes (= 1 day) = 4 days: ringan, teguran tertulis
    await ingest('2026-02', 1, [200, 250]);
    await runJob(t, 'discipline.scan-attendance');
    const [opened, ...rest] = await attendanceCases();
    expect(rest).toEqual([]);
    expect(opened).toMatchObject({
      status: 'REPORTED',
      classification: { level: 'RINGAN', candidateSanctions: ['TEGURAN_TERTULIS'] },
      attendance: { cumulativeDays: 3, lateEarlyMinutes: 450, year: 2026 },
    });
    expect(opened.reportedBy).toContain('presensi');

    // scans again, an identical re-send, and a change that stays on the same rung: still one case
    await runJob(t, 'discipline.scan-attendance');
    await ingest('2026-02', 1, [200, 250]);
    await ingest('2026-03', 1);
    await runJob(t, 'discipline.scan-attendance');
    await runJob(t, 'discipline.scan-attendance');
    expect((await attendanceCases()).map((c) => c.id)).toEqual([opened.id]);

    // the reported employee sees it; the competent official for ringan is the supervisor (the top of this small chain)
    const own = await t.request('GET', `${casesPath}/${opened.id}`, { token: staff.token });
    expect(own.status).toBe(200);
    expect(own.body.competentOfficials[0]).toMatchObject({
      level: 'RINGAN',
      role: 'PPK_INSTANSI',
      nip: supervisor.nip,
    });
  });

  it('crossing the next rung (sedang) opens one more case, once', async () => {
    // March re-sent with 7 days: 2 + 1 + 7 = 10 unexcused days + 1 day from minutes = 11: sedang, tukin −25 % for 6 months
    await ingest('2026-03', 7);
    await runJob(t, 'discipline.scan-attendance');
    await runJob(t, 'discipline.scan-attendance');
    const cases = await attendanceCases();
    expect(cases).toHaveLength(2);
    expect(cases[1]).toMatchObject({
      classification: { level: 'SEDANG', candidateSanctions: ['POTONG_TUKIN_25_6M'] },
      attendance: { cumulativeDays: 10, lateEarlyMinutes: 450 },
    });
    const rows = await t.dataSource.query(
      `SELECT attendance_rung FROM discipline_cases c JOIN employees e ON e.id = c.employee_id WHERE e.nip = $1 ORDER BY attendance_rung`,
      [staff.nip],
    );
    expect(rows.map((r: { attendance_rung: number }) => r.attendance_rung)).toEqual([4, 11]);
  });

  it('counts late minutes with the minutesPerTmkDay of the employee’s allowance rule set (200 here, not the 450 default)', async () => {
    const unit2 = await createUnit(t, null, 'TMK');
    const rs = await t.request('PUT', `/api/v1/allowance/rule-sets/R-TMK-${unit2}`, {
      token: admin,
      body: { template: 'R-TPP-DEMO', effectiveFrom: '2025-01-01', unitCodes: [unit2], minutesPerTmkDay: 200 },
    });
    expect(rs.status).toBe(201);
    const head = await createEmployee(t, {
      unitCode: unit2,
      kind: 'PENGAWAS',
      isUnitHead: true,
      kelasJabatan: 9,
      golongan: 'III/d',
    });
    const worker = await createEmployee(t, {
      unitCode: unit2,
      kind: 'PELAKSANA',
      supervisorNip: head.nip,
      kelasJabatan: 6,
    });
    // 2 days + 200 minutes: 3 days with 200 min/day (teguran lisan); with 450 it would be 2 days, below the ladder.
    const r = await t.request('POST', '/api/v1/attendance', {
      token: admin,
      body: {
        month: '2026-01',
        records: [{ nip: worker.nip, lateMinutes: [200], earlyLeaveMinutes: [], absentDays: 2, missedApel: 0 }],
      },
    });
    expect(r.status).toBeLessThan(300);
    await runJob(t, 'discipline.scan-attendance');
    const cases = await t.request('GET', `${casesPath}?kind=ATTENDANCE&nip=${worker.nip}`, { token: admin });
    expect(cases.body.items).toEqual([
      expect.objectContaining({
        classification: expect.objectContaining({ level: 'RINGAN', candidateSanctions: ['TEGURAN_LISAN'] }),
      }),
    ]);
  });
});
