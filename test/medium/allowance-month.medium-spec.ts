import { text } from 'node:stream/consumers';
import { AllowanceModule } from '../../src/allowance/allowance.module';
import { AllowanceLinesRepository } from '../../src/allowance/allowance-lines.repository';
import { AllowanceMonthsRepository } from '../../src/allowance/allowance-months.repository';
import { AllowanceRunsRepository } from '../../src/allowance/allowance-runs.repository';
import { AllowanceRunsService } from '../../src/allowance/allowance-runs.service';
import { AttendanceService } from '../../src/allowance/attendance.service';
import { LineComputer } from '../../src/allowance/line-computer.service';
import { LineWriter } from '../../src/allowance/line-writer.service';
import { PayrollService } from '../../src/allowance/payroll.service';
import { RuleSetsService } from '../../src/allowance/rule-sets.service';
import { WorkingDaysService } from '../../src/allowance/working-days.service';
import { OrgModule } from '../../src/org/org.module';
import { insertFinalEvaluation } from '../support/allowance-fixtures';
import { createMediumModule, type MediumModule } from '../support/medium';
import { mediumEmployee, mediumUnit, type MediumPerson } from '../support/medium-org';

/**
 * A monthly allowance run for a small unit on the real PostgreSQL (medium: the allowance services with
 * their repositories, no HTTP, no worker): the chunk's compute and write for the unit's employees,
 * lines and warnings read back through the payroll pull, and the month close refused while warnings
 * are unacknowledged (spec 03 §16 figures; a missing predikat holds the performance part).
 */
describe('allowance month (medium: services + repositories on PostgreSQL)', () => {
  let m: MediumModule;
  // A month and rule set of this file's own (files share the run's database).
  const MONTH = '2030-03';
  let rated: MediumPerson;
  let unrated: MediumPerson;
  let runId: string;

  beforeAll(async () => {
    m = await createMediumModule({ imports: [OrgModule, AllowanceModule] });
    const unitCode = await mediumUnit(m, null, 'MA');
    const staff = { unitCode, kind: 'PELAKSANA', kelasJabatan: 8, golongan: 'III/a' } as const;
    rated = await mediumEmployee(m, staff);
    unrated = await mediumEmployee(m, staff);
    await m.get(RuleSetsService).put('R-MED-ALLOWANCE', {
      template: 'R-TPP-DEMO',
      effectiveFrom: '2030-01-01',
      unitCodes: [unitCode],
      baseTable: { '8': 5000000 },
    });
    await m.get(WorkingDaysService).set(MONTH, { workingDays: 22 });
    await insertFinalEvaluation(m, rated.nip, '2030-Q1', 'BAIK');
    await m.get(AttendanceService).ingest({
      month: MONTH,
      records: [
        { nip: rated.nip, lateMinutes: [45, 45, 45], earlyLeaveMinutes: [], absentDays: 1, missedApel: 0 },
        { nip: unrated.nip, lateMinutes: [], earlyLeaveMinutes: [], absentDays: 0, missedApel: 0 },
      ],
    });
    runId = (await m.get(AllowanceRunsService).request({ month: MONTH })).id;
  });
  afterAll(() => m.close());

  /** What a chunk job does for the unit's employees, in one transaction. */
  const runChunk = () =>
    m.txHost.withTransaction(async () => {
      const lines = await m.get(LineComputer).compute(MONTH, [rated.employeeId, unrated.employeeId]);
      return m.get(LineWriter).upsert(MONTH, runId, lines);
    });
  const pull = async () => {
    const page = JSON.parse(await text(await m.get(PayrollService).page({ month: MONTH, limit: '1000' })));
    return new Map<string, any>(page.items.map((i: { nip: string }) => [i.nip, i]));
  };

  it('computes the lines: §16 figures for the rated employee, the performance part held for the unrated one', async () => {
    const report = await runChunk();
    expect(report).toMatchObject({ created: 2, changed: 0, unchanged: 0 });
    const lines = await pull();
    expect(lines.get(rated.nip)).toMatchObject({
      ruleSet: 'R-MED-ALLOWANCE@1',
      basicAmount: 5000000,
      performancePart: 3000000,
      disciplinePart: 2000000,
      totalDeductions: 150909,
      netAmount: 4849091,
      deductions: [
        expect.objectContaining({ code: 'TL', amount: 60000 }),
        expect.objectContaining({ code: 'TK', amount: 90909 }),
      ],
      warnings: [],
      pending: false,
      version: 1,
    });
    expect(lines.get(unrated.nip)).toMatchObject({
      deductions: [expect.objectContaining({ code: 'PREDIKAT_HELD', amount: 3000000 })],
      netAmount: 2000000,
      pending: true,
      heldAmount: 3000000,
      warnings: [{ code: 'PREDIKAT_MISSING', message: expect.stringContaining('2030-Q1') }],
    });
    // The same inputs again change nothing (the version moves only with the figures).
    expect(await runChunk()).toMatchObject({ created: 0, changed: 0, unchanged: 2 });
    expect((await pull()).get(rated.nip).version).toBe(1);
  });

  it("reads the first page's month totals again only after a run chunk has written lines", async () => {
    const warningCounts = jest.spyOn(m.get(AllowanceMonthsRepository), 'warningCounts');
    const firstPage = async () =>
      JSON.parse(await text(await m.get(PayrollService).page({ month: MONTH, limit: '1' }))) as Record<string, unknown>;
    try {
      // The pulls above already read this month's totals under the run's current stamp.
      expect(await firstPage()).toMatchObject({ notComputed: {}, warnings: { PREDIKAT_MISSING: 1 } });
      await firstPage();
      expect(warningCounts).not.toHaveBeenCalled();
      // A chunk as the run's job commits it: lines written and the chunk counted into its run, in one transaction.
      await m.txHost.withTransaction(async () => {
        const lines = await m.get(LineComputer).compute(MONTH, [rated.employeeId, unrated.employeeId]);
        await m.get(LineWriter).upsert(MONTH, runId, lines);
        const runs = m.get(AllowanceRunsRepository);
        await runs.insertChunks(runId, [{ no: 0, ids: lines.map((l) => l.employeeId) }]);
        await runs.markStarted(runId, lines.length, 1);
        await runs.markChunkDone(runId, 0, { computed: lines.length });
      });
      expect(await firstPage()).toMatchObject({ notComputed: {}, warnings: { PREDIKAT_MISSING: 1 } });
      expect(warningCounts).toHaveBeenCalledTimes(1);
      await firstPage();
      expect(warningCounts).toHaveBeenCalledTimes(1);
    } finally {
      warningCounts.mockRestore();
    }
  });

  it('refuses to close the month while a warning is unacknowledged, then closes it once acknowledged', async () => {
    const runs = m.get(AllowanceRunsService);
    // The chunk above stood in for the run's jobs: the run is finished (a running run blocks the close).
    await m.dataSource.query(`UPDATE allowance_runs SET status = 'DONE' WHERE id = $1`, [runId]);
    await expect(runs.close(MONTH)).rejects.toThrow(/PREDIKAT_MISSING 1/);
    expect(await runs.month(MONTH)).toMatchObject({ month: MONTH, status: 'OPEN' });
    expect(
      await m.dataSource.query(`SELECT 1 FROM outbox WHERE event_type = 'AllowanceMonthClosed' AND aggregate_id = $1`, [
        MONTH,
      ]),
    ).toEqual([]);

    await runs.close(MONTH, { acknowledgeWarnings: true });
    expect(await runs.month(MONTH)).toMatchObject({ status: 'CLOSED' });
    const [audit] = await m.dataSource.query(
      `SELECT after FROM audit_log WHERE action = 'allowance.month.closed' AND entity_id = $1`,
      [MONTH],
    );
    expect(audit.after).toEqual({ status: 'CLOSED', warnings: { PREDIKAT_MISSING: 1 }, acknowledgeWarnings: true });
    await expect(runs.close(MONTH, { acknowledgeWarnings: true })).rejects.toThrow(/sudah ditutup/);
  });

  it("refuses any change to a CLOSED month's lines at the database (the statement guard), and writes nothing", async () => {
    // Runs after the close above. The writer's upsert with changed figures, a new line, a direct UPDATE and DELETE.
    const closed = /allowance month 2030-03 is closed/;
    const before = await m.dataSource.query(
      `SELECT employee_id, figures_hash, version FROM allowance_lines WHERE month = $1 ORDER BY employee_id`,
      [MONTH],
    );
    expect(before).toHaveLength(2);
    const [line] = await m.dataSource.query(`SELECT * FROM allowance_lines WHERE employee_id = $1 AND month = $2`, [
      rated.employeeId,
      MONTH,
    ]);
    const row = { ...line, figures_hash: 'f'.repeat(64) };
    await expect(
      m.txHost.withTransaction(() => m.get(AllowanceLinesRepository).upsertLines(MONTH, runId, [row])),
    ).rejects.toThrow(closed);
    const stranger = await mediumEmployee(m, {
      unitCode: await mediumUnit(m, null, 'MB'),
      kind: 'PELAKSANA',
      kelasJabatan: 8,
      golongan: 'III/a',
    });
    await expect(
      m.txHost.withTransaction(() =>
        m
          .get(AllowanceLinesRepository)
          .upsertLines(MONTH, runId, [{ ...row, employee_id: stranger.employeeId, nip: stranger.nip }]),
      ),
    ).rejects.toThrow(closed);
    await expect(
      m.dataSource.query(`UPDATE allowance_lines SET version = version + 1 WHERE month = $1`, [MONTH]),
    ).rejects.toMatchObject({ code: '23514', message: expect.stringMatching(closed) });
    await expect(m.dataSource.query(`DELETE FROM allowance_lines WHERE month = $1`, [MONTH])).rejects.toMatchObject({
      code: '23514',
      message: expect.stringMatching(closed),
    });
    // An upsert of the same figures changes nothing and so passes.
    await m.txHost.withTransaction(() => m.get(AllowanceLinesRepository).upsertLines(MONTH, runId, [line]));
    expect(
      await m.dataSource.query(
        `SELECT employee_id, figures_hash, version FROM allowance_lines WHERE month = $1 ORDER BY employee_id`,
        [MONTH],
      ),
    ).toEqual(before);
  });
});
