import { AllowanceModule } from '../../src/allowance/allowance.module';
import { AllowanceRunsService } from '../../src/allowance/allowance-runs.service';
import { LineComputer } from '../../src/allowance/line-computer.service';
import { LineWriter } from '../../src/allowance/line-writer.service';
import { RuleSetsService } from '../../src/allowance/rule-sets.service';
import { WorkingDaysService } from '../../src/allowance/working-days.service';
import { EmploymentHistoryReader } from '../../src/org/employment-history';
import { OrgModule } from '../../src/org/org.module';
import { createMediumModule, type MediumModule } from '../support/medium';
import { mediumEmployee, mediumUnit, type MediumPerson } from '../support/medium-org';

/**
 * A run's lines are stored in NIP order, the order payroll pages read them in (a page of 1,000 lines then
 * reads about half the heap pages: docs/performance.md). The run chunks the employees in NIP order and the
 * writer sorts a chunk's lines by NIP, whatever order they were computed in.
 */
describe('allowance lines in NIP order (medium: run order and writer on PostgreSQL)', () => {
  let m: MediumModule;
  const MONTH = '2030-05';
  let staff: MediumPerson[];

  beforeAll(async () => {
    m = await createMediumModule({ imports: [OrgModule, AllowanceModule] });
    const unitCode = await mediumUnit(m, null, 'LO');
    const post = { unitCode, kind: 'PELAKSANA', kelasJabatan: 8, golongan: 'III/a' } as const;
    staff = [];
    for (let i = 0; i < 6; i++) staff.push(await mediumEmployee(m, post));
    await m.get(RuleSetsService).put('R-MED-LINE-ORDER', {
      template: 'R-TPP-DEMO',
      effectiveFrom: '2030-01-01',
      unitCodes: [unitCode],
      baseTable: { '8': 5000000 },
    });
    await m.get(WorkingDaysService).set(MONTH, { workingDays: 22 });
  });
  afterAll(() => m.close());

  const nipsOf = async (ids: string[]): Promise<string[]> => {
    const rows: { id: string; nip: string }[] = await m.dataSource.query(
      `SELECT id, nip FROM employees WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const nip = new Map(rows.map((r) => [r.id, r.nip]));
    return ids.map((id) => nip.get(id)!);
  };
  const sorted = (xs: string[]) => [...xs].sort();

  it('chunks the month’s employees in NIP order', async () => {
    const ids = await m.get(EmploymentHistoryReader).inService(`${MONTH}-01`, `${MONTH}-31`);
    const ours = new Set(staff.map((s) => s.employeeId));
    expect(ids.filter((id) => ours.has(id))).toHaveLength(staff.length);
    const nips = await nipsOf(ids);
    expect(nips).toEqual(sorted(nips));
  });

  it('writes a chunk’s lines in NIP order even when they were computed in another order', async () => {
    const runId = (await m.get(AllowanceRunsService).request({ month: MONTH })).id;
    const reversed = [...staff].sort((a, b) => (a.nip < b.nip ? 1 : -1)).map((s) => s.employeeId);
    const report = await m.txHost.withTransaction(async () => {
      const lines = await m.get(LineComputer).compute(MONTH, reversed);
      expect(lines.map((l) => l.employeeId)).toEqual(reversed);
      return m.get(LineWriter).upsert(MONTH, runId, lines);
    });
    expect(report).toMatchObject({ created: staff.length });
    const onDisk: { nip: string }[] = await m.dataSource.query(
      `SELECT nip FROM allowance_lines WHERE month = $1 AND employee_id = ANY($2::uuid[]) ORDER BY ctid`,
      [MONTH, reversed],
    );
    expect(onDisk.map((r) => r.nip)).toEqual(sorted(staff.map((s) => s.nip)));
  });
});
