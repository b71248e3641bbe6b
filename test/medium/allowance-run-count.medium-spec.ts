import { AllowanceModule } from '../../src/allowance/allowance.module';
import { AllowanceRunsRepository } from '../../src/allowance/allowance-runs.repository';
import { AllowanceRunsService } from '../../src/allowance/allowance-runs.service';
import { OrgModule } from '../../src/org/org.module';
import { createMediumModule, type MediumModule } from '../support/medium';
import { mediumEmployee, mediumUnit, type MediumPerson } from '../support/medium-org';

/**
 * A done chunk is counted into its run when the chunk's transaction commits (the deferred trigger
 * `allowance_run_chunk_counted`): chunks finishing at the same time never wait on each other for the run's
 * row while one of them is still open, an undone chunk is never counted, and a chunk counts once.
 */
describe('allowance run counted at commit (medium: chunks and run on PostgreSQL)', () => {
  let m: MediumModule;
  let runs: AllowanceRunsRepository;
  let staff: MediumPerson[];

  beforeAll(async () => {
    m = await createMediumModule({ imports: [OrgModule, AllowanceModule] });
    runs = m.get(AllowanceRunsRepository);
    const unitCode = await mediumUnit(m, null, 'RC');
    const post = { unitCode, kind: 'PELAKSANA', kelasJabatan: 8, golongan: 'III/a' } as const;
    staff = [];
    for (let i = 0; i < 5; i++) staff.push(await mediumEmployee(m, post));
  });
  afterAll(() => m.close());

  /** A RUNNING run of `sizes.length` chunks (chunk i holds sizes[i] of the staff). */
  const runningRun = async (month: string, sizes: number[]): Promise<string> => {
    const runId = (await m.get(AllowanceRunsService).request({ month })).id;
    let at = 0;
    const chunks = sizes.map((n, no) => ({ no, ids: staff.slice(at, (at += n)).map((s) => s.employeeId) }));
    await m.txHost.withTransaction(async () => {
      await runs.insertChunks(runId, chunks);
      await runs.markStarted(runId, at, chunks.length);
    });
    return runId;
  };
  const runRow = async (runId: string) =>
    (
      await m.dataSource.query(
        `SELECT status, processed, chunks_done AS "chunksDone", finished_at IS NOT NULL AS finished FROM allowance_runs WHERE id = $1`,
        [runId],
      )
    )[0];

  it('counts a chunk at its commit, without waiting for another chunk still open', async () => {
    const runId = await runningRun('2031-01', [2, 3]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let markedA!: () => void;
    const aMarked = new Promise<void>((resolve) => (markedA = resolve));
    const a = m.txHost.withTransaction(async () => {
      await runs.markChunkDone(runId, 0, { computed: 2 });
      markedA();
      await gate;
    });
    await aMarked;
    // Chunk 1 finishes and commits while chunk 0's transaction is open: it must not queue behind it.
    const b = m.txHost.withTransaction(() => runs.markChunkDone(runId, 1, { computed: 3 }));
    const outcome = await Promise.race([
      b.then(() => 'committed'),
      new Promise((resolve) => setTimeout(() => resolve('waiting'), 3000)),
    ]);
    expect(outcome).toBe('committed');
    expect(await runRow(runId)).toEqual({ status: 'RUNNING', processed: 3, chunksDone: 1, finished: false });
    release();
    await a;
    expect(await runRow(runId)).toEqual({ status: 'DONE', processed: 5, chunksDone: 2, finished: true });
  });

  it('does not count a chunk whose transaction rolls back, and counts a chunk once', async () => {
    const runId = await runningRun('2031-02', [1, 1]);
    await expect(
      m.txHost.withTransaction(async () => {
        await runs.markChunkDone(runId, 0, { computed: 1 });
        throw new Error('chunk undone');
      }),
    ).rejects.toThrow('chunk undone');
    expect(await runRow(runId)).toMatchObject({ status: 'RUNNING', processed: 0, chunksDone: 0 });
    await m.txHost.withTransaction(() => runs.markChunkDone(runId, 0, { computed: 1 }));
    // Marked DONE again (a report rewritten): the status does not change, so nothing is counted.
    await m.txHost.withTransaction(() => runs.markChunkDone(runId, 0, { computed: 1 }));
    expect(await runRow(runId)).toMatchObject({ status: 'RUNNING', processed: 1, chunksDone: 1 });
  });

  it('keeps a FAILED run FAILED when its other chunks finish, and refreshes the statistics with the last chunk', async () => {
    const runId = await runningRun('2031-03', [1, 1]);
    await m.txHost.withTransaction(() => runs.markChunkFailed(runId, 0, 'boom'));
    await m.txHost.withTransaction(() => runs.markChunkDone(runId, 1, { computed: 1 }));
    expect(await runRow(runId)).toMatchObject({ status: 'FAILED', processed: 1, chunksDone: 1 });

    const analyzed = async (): Promise<number> =>
      Number(
        (
          await m.dataSource.query(
            `SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'allowance_lines' AND schemaname = current_schema()`,
          )
        )[0].analyze_count,
      );
    const before = await analyzed();
    const done = await runningRun('2031-04', [1]);
    await m.txHost.withTransaction(() => runs.markChunkDone(done, 0, { computed: 1 }));
    expect(await runRow(done)).toMatchObject({ status: 'DONE', finished: true });
    expect(await analyzed()).toBe(before + 1);
  });
});
