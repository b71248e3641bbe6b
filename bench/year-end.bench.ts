/**
 * npm run bench:year-end [-- --employees 100000 --seed 1 --concurrency N --workers N --keep --no-build --database-url URL]
 *
 * A year-end close on a throwaway synthetic agency, through the built API and worker processes:
 *   1. POST /api/v1/evaluations/finalize-batch {period: YEAR}: every RATED annual evaluation → ISSUED
 *      (distribution check, DEKP snapshot, objection window opens); then the 14-day window passes on a
 *      controlled clock (the deadlines are moved into the past, as the clock 14 days later sees them) and
 *      the window-expiry job (the worker's own `evaluation.expire-objection-windows`, enqueued in parallel
 *      runs of 500) makes them FINAL with EvaluationFinalized in the outbox — the employee's right to
 *      accept or object is never taken away by the batch;
 *   2. POST /api/v1/allowance/runs {month} at the same time: the month's allowance lines (chunk jobs);
 *   3. the worker relays the outbox to BullMQ, credits angka kredit and derives outcomes;
 *   waits until the run is DONE, the outbox is empty and the queues are drained, then prints wall
 *   time, employees/s, rows written per table, peak RSS of the API and the worker, and the baseline:
 *   the same rows COPY'd (from a file, binary-identical) into empty tables of the same definitions
 *   (LIKE … INCLUDING ALL: same columns, defaults, indexes, constraints) in the same run, with the
 *   ratio ours / COPY. With --json FILE also writes the summary (bench/support/summary.ts).
 *   Drops the database and the queue prefix unless --keep.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { parseArgs } from './synthetic-agency';
import {
  adminLogin,
  allowanceRun,
  buildOnce,
  createSyntheticStack,
  http,
  machine,
  sleep,
  startServices,
  Stack,
  teardown,
  WORKER_HEAP_MB,
  workerPeakRssMb,
} from './support/stack';
import { CpuMeter } from './support/cpu-meter';
import { loadAverage, writeSummary, YearEndSummary } from './support/summary';

const QUEUES = ['pipeline', 'allowance', 'maintenance'];

/** Rows written by the close, per table: how to select them afterwards (for the count and the COPY baseline). */
interface Written {
  table: string;
  where: string;
  kind: 'insert' | 'update';
}

async function marks(c: Client): Promise<Record<string, string>> {
  const r = await c.query(
    `SELECT (SELECT COALESCE(max(id), 0) FROM evaluation_transitions)::text AS tr, (SELECT COALESCE(max(id), 0) FROM audit_log)::text AS audit, (SELECT COALESCE(max(id), 0) FROM outbox)::text AS outbox`,
  );
  return r.rows[0];
}

function writtenTables(m: Record<string, string>, month: string): Written[] {
  return [
    { table: 'evaluations', where: `status = 'FINAL' AND finalized_by = 'EXPIRY'`, kind: 'update' },
    { table: 'evaluation_transitions', where: `id > ${m.tr}`, kind: 'insert' },
    { table: 'audit_log', where: `id > ${m.audit}`, kind: 'insert' },
    { table: 'outbox', where: `id > ${m.outbox}`, kind: 'insert' },
    { table: 'job_receipts', where: 'true', kind: 'insert' },
    { table: 'ak_ledgers', where: 'true', kind: 'insert' },
    { table: 'ak_ledger_history', where: 'true', kind: 'insert' },
    { table: 'outcomes', where: 'true', kind: 'insert' },
    { table: 'allowance_runs', where: 'true', kind: 'insert' },
    { table: 'allowance_run_chunks', where: 'true', kind: 'insert' },
    { table: 'allowance_lines', where: `month = '${month}'`, kind: 'insert' },
    // Since 1767870000001: the distribution report once per unit (an older checkout has no such table).
    { table: 'evaluation_distribution_reports', where: 'true', kind: 'insert' },
  ];
}

/** The written tables this checkout's schema has (bench:compare runs this harness on older commits too). */
async function existing(c: Client, written: Written[]): Promise<Written[]> {
  const r = await c.query(`SELECT t FROM unnest($1::text[]) t WHERE to_regclass(t) IS NOT NULL`, [
    written.map((w) => w.table),
  ]);
  const have = new Set(r.rows.map((x: { t: string }) => x.t));
  return written.filter((w) => have.has(w.table));
}

async function queueState(
  redisUrl: string,
  prefix: string,
): Promise<{ pending: number; failed: number; completed: number }> {
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  try {
    let pending = 0;
    let failed = 0;
    let completed = 0;
    for (const name of QUEUES) {
      const q = new Queue(name, { connection, prefix });
      const c = await q.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children', 'failed', 'completed');
      // Delayed jobs: retries count as pending; the scheduler's own next runs (repeatable maintenance jobs) do not.
      const delayed = (await q.getDelayed(0, 10_000)).filter((j) => !j.repeatJobKey).length;
      pending += c.waiting + c.active + c.prioritized + c['waiting-children'] + delayed;
      failed += c.failed;
      completed += c.completed;
      await q.close();
    }
    return { pending, failed, completed };
  } finally {
    connection.disconnect();
  }
}

/**
 * Runs of the expiry job enqueued per round, one per 500 ISSUED: an older checkout finalises up to 500 per run
 * (SKIP LOCKED, parallel runs share the work); this one sweeps every expired window in one run and the other
 * runs find the sweep busy and end, as a scheduled run does.
 */
const EXPIRY_PER_JOB = 500;

/** The objection window passes: deadlines move into the past (a controlled clock), then the expiry job runs until none is left ISSUED. */
async function expireWindows(stack: Stack, c: Client, period: string, deadlineMs: number): Promise<number> {
  await c.query(
    `UPDATE evaluations SET objection_deadline = now() - interval '1 second' WHERE period = $1 AND status = 'ISSUED'`,
    [period],
  );
  const connection = new IORedis(stack.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('maintenance', { connection, prefix: stack.prefix });
  let round = 0;
  try {
    for (;;) {
      const [{ n }] = (
        await c.query(`SELECT count(*)::int AS n FROM evaluations WHERE period = $1 AND status = 'ISSUED'`, [period])
      ).rows;
      if (n === 0) return round;
      if (Date.now() > deadlineMs) throw new Error(`objection windows not expired in time: ${n} still ISSUED`);
      round++;
      const jobs = Array.from({ length: Math.ceil(n / EXPIRY_PER_JOB) }, (_, i) => ({
        name: 'evaluation.expire-objection-windows',
        data: {},
        opts: { jobId: `bench-expiry-${round}-${i}`, removeOnComplete: true, removeOnFail: 1000 },
      }));
      await queue.addBulk(jobs);
      await waitDrained(stack, c, deadlineMs);
    }
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

async function waitDrained(stack: Stack, c: Client, deadlineMs: number): Promise<void> {
  let quiet = 0;
  for (;;) {
    // Whether any row is pending (the partial index's first entry), not how many: counting 100,000 pending
    // rows every 100 ms was the statement most often active in PostgreSQL during the drain (pg_stat_activity).
    const [{ pending }] = (await c.query(`SELECT EXISTS (SELECT 1 FROM outbox WHERE dispatched_at IS NULL) AS pending`))
      .rows;
    const q = await queueState(stack.redisUrl, stack.prefix);
    if (!pending && q.pending === 0) {
      if (++quiet >= 2) return;
    } else quiet = 0;
    if (Date.now() > deadlineMs) {
      const [{ n }] = (await c.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`)).rows;
      throw new Error(`not drained in time: outbox pending ${n}, queue pending ${q.pending}`);
    }
    await sleep(100);
  }
}

/** COPY the rows written by the close into empty tables of the same definition; returns ms spent in COPY FROM. */
async function copyBaseline(url: string, written: Written[]): Promise<{ ms: number; rows: number; bytes: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'skp-yearend-'));
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const files: { table: string; file: string }[] = [];
    for (const w of written) {
      const file = path.join(dir, `${w.table}.copy`);
      await pipeline(
        c.query(copyTo(`COPY (SELECT * FROM ${w.table} WHERE ${w.where}) TO STDOUT`)),
        createWriteStream(file),
      );
      await c.query(`CREATE TABLE bl_${w.table} (LIKE ${w.table} INCLUDING ALL)`);
      files.push({ table: w.table, file });
    }
    let ms = 0;
    let bytes = 0;
    await c.query('BEGIN');
    for (const f of files) {
      bytes += statSync(f.file).size;
      const t0 = process.hrtime.bigint();
      await pipeline(createReadStream(f.file), c.query(copyFrom(`COPY bl_${f.table} FROM STDIN`)));
      ms += Number(process.hrtime.bigint() - t0) / 1e6;
    }
    const t0 = process.hrtime.bigint();
    await c.query('COMMIT');
    ms += Number(process.hrtime.bigint() - t0) / 1e6;
    let rows = 0;
    for (const f of files) rows += Number((await c.query(`SELECT count(*) AS n FROM bl_${f.table}`)).rows[0].n);
    for (const f of files) await c.query(`DROP TABLE bl_${f.table}`);
    return { ms, rows, bytes };
  } finally {
    await c.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const employees = Number(args.employees ?? 100_000);
  buildOnce(args['no-build'] === 'true');
  const stack = await createSyntheticStack({
    employees,
    seed: Number(args.seed ?? 1),
    keep: args.keep === 'true',
    label: 'yearend',
    databaseUrl: args['database-url'],
  });
  const c = new Client({ connectionString: stack.url });
  await c.connect();
  try {
    if (stack.seed)
      process.stderr.write(
        `  seeded ${stack.seed.rows.toLocaleString('en')} rows in ${(stack.seed.ms / 1000).toFixed(1)} s\n`,
      );
    await startServices(stack, {
      port: Number(args.port ?? 3391),
      worker: true,
      workerConcurrency: args.concurrency ? Number(args.concurrency) : undefined,
      workerProcesses: args.workers ? Number(args.workers) : undefined,
    });
    const admin = await adminLogin(stack);
    const m = await marks(c);
    const load0 = loadAverage();
    process.stderr.write(`  year-end close ${stack.year}: finalize-batch + allowance run ${stack.month}…\n`);
    const meter = CpuMeter.available()
      ? new CpuMeter(
          c,
          stack.api?.child.pid,
          stack.workers.map((w) => w.child.pid),
        )
      : null;
    await meter?.begin();
    // BKPSDM closes the year while finance starts the month's allowance run: both requests at once.
    const t0 = Date.now();
    let tFinal = 0;
    let tRun = 0;
    const finP = http<{ issued: number; overridden: number; skipped: unknown[]; ms: number }>(
      stack,
      'POST',
      '/api/v1/evaluations/finalize-batch',
      admin,
      { period: String(stack.year) },
    ).then((r) => {
      tFinal = Date.now();
      return r;
    });
    const runP = allowanceRun(stack, admin, stack.month, 30 * 60_000).then((r) => {
      tRun = Date.now();
      return r;
    });
    const [fin, run] = await Promise.all([finP, runP]);
    if (fin.status !== 200) throw new Error(`finalize-batch: ${fin.status} ${JSON.stringify(fin.body).slice(0, 500)}`);
    process.stderr.write(
      `  issued ${fin.body.issued} in ${((tFinal - t0) / 1000).toFixed(1)} s; objection windows expire…\n`,
    );
    const expiryRounds = await expireWindows(stack, c, String(stack.year), Date.now() + 30 * 60_000);
    const tExpired = Date.now();
    const [{ n: finalized }] = (
      await c.query(
        `SELECT count(*)::int AS n FROM evaluations WHERE period = $1 AND status = 'FINAL' AND finalized_by = 'EXPIRY'`,
        [String(stack.year)],
      )
    ).rows;
    process.stderr.write(
      `  ${finalized} FINAL by window expiry (${expiryRounds} round(s)); waiting for the pipeline…\n`,
    );
    await waitDrained(stack, c, Date.now() + 30 * 60_000);
    const t1 = Date.now();
    const cpu = (await meter?.end()) ?? null;
    const wallMs = t1 - t0;
    const q = await queueState(stack.redisUrl, stack.prefix);

    const written = await existing(c, writtenTables(m, stack.month));
    const counts: [string, number][] = [];
    for (const w of written)
      counts.push([
        w.table,
        Number((await c.query(`SELECT count(*) AS n FROM ${w.table} WHERE ${w.where}`)).rows[0].n),
      ]);
    const dispatched = Number(
      (await c.query(`SELECT count(*) AS n FROM outbox WHERE id > ${m.outbox} AND dispatched_at IS NOT NULL`)).rows[0]
        .n,
    );
    const total = counts.reduce((a, [, n]) => a + n, 0) + dispatched;
    const apiRss = stack.api!.peakRssMb;
    const workerRss = workerPeakRssMb(stack);
    process.stderr.write('  baseline: COPY of the same rows…\n');
    const base = await copyBaseline(stack.url, written);

    console.log(
      `year-end close benchmark (${machine()}; PostgreSQL ${(await c.query('SHOW server_version')).rows[0].server_version} and Redis on the same machine; load average at start ${load0.toFixed(2)})`,
    );
    console.log(
      `  ${employees.toLocaleString('en')} employees, ANNUAL ${stack.year} + allowance ${stack.month}; worker processes ${stack.workers.length}, concurrency ${args.concurrency ?? process.env.WORKER_CONCURRENCY ?? 'default'}, worker heap cap ${WORKER_HEAP_MB > 0 ? `${WORKER_HEAP_MB} MB` : 'none'}`,
    );
    console.log(
      `  wall time: ${(wallMs / 1000).toFixed(1)} s  (finalize-batch ${((tFinal - t0) / 1000).toFixed(1)} s, windows expired at ${((tExpired - t0) / 1000).toFixed(1)} s, allowance run DONE at ${((tRun - t0) / 1000).toFixed(1)} s, queues drained at ${(wallMs / 1000).toFixed(1)} s)  → ${Math.round(employees / (wallMs / 1000)).toLocaleString('en')} employees/s`,
    );
    console.log(
      `  issued ${fin.body.issued}, FINAL by expiry ${finalized}, distribution overrides ${fin.body.overridden}, skipped ${JSON.stringify(fin.body.skipped)}; allowance lines ${run.processed}; failed jobs ${q.failed}`,
    );
    console.log(
      `  rows written: ${total.toLocaleString('en')}  (${counts.map(([t, n]) => `${t} ${n}`).join(', ')}, outbox dispatched (update) ${dispatched})`,
    );
    console.log(
      `  peak RSS: API ${apiRss.toFixed(0)} MB, worker ${stack.workers.map((w) => w.peakRssMb.toFixed(0)).join(' / ')} MB`,
    );
    if (cpu)
      console.log(
        `  CPU (user + system): API ${cpu.api.toFixed(1)} s, worker ${cpu.workers.toFixed(1)} s, PostgreSQL backends ${cpu.postgres.toFixed(1)} s → ${cpu.coresBusy.toFixed(2)} of ${os.cpus().length} cores busy on average`,
      );
    console.log(
      `  baseline COPY of the same ${base.rows.toLocaleString('en')} rows (${(base.bytes / 2 ** 20).toFixed(0)} MB) into empty tables of the same definition: ${(base.ms / 1000).toFixed(1)} s`,
    );
    console.log(`  ours / COPY: ${(wallMs / base.ms).toFixed(1)}×`);
    const summary: YearEndSummary = {
      employees,
      wallSeconds: wallMs / 1000,
      finalizeSeconds: (tFinal - t0) / 1000,
      copySeconds: base.ms / 1000,
      ratioToCopy: wallMs / base.ms,
      apiPeakRssMb: apiRss,
      workerPeakRssMb: workerRss,
      failedJobs: q.failed,
      loadAverageAtStart: load0,
      cpuSeconds: cpu,
    };
    writeSummary(args.json, summary);
  } finally {
    await c.end();
    await teardown(stack);
  }
}
