/**
 * npm run bench:allowance-lines [-- --employees 20000 --rounds 3 --database-url URL --month YYYY-MM --no-build --json FILE]
 *
 * The worker's CPU per allowance line, without the queue, the other jobs or the other processes: the built
 * `LineComputer.compute` (the chunk job's reads and the rules) and `LineWriter.upsert` (the rows serialised and
 * written) of the first N employees in service, in chunks of the worker's size, each chunk in a transaction that
 * is rolled back (so every round writes the same rows). Prints a digest of the lines computed (equal digests: the
 * same figures, warnings and explanations byte for byte) and reports this process's CPU (user + system,
 * `process.cpuUsage`) per 1,000 lines for the compute and the write, one warm-up round then `--rounds` measured.
 * PostgreSQL's CPU is not in these figures (another process): they measure the worker's share only.
 *
 * `--database-url`: a copy of a seeded synthetic agency (e.g. `createdb -T skp_k100_tpl`), migrated here first,
 * kept. Without it, a synthetic agency of `--employees` is seeded into a throwaway database and dropped.
 * Profile it with `node --cpu-prof bench/ts-runner.js bench/allowance-lines.bench.ts …`.
 */
import path from 'node:path';
import { createHash } from 'node:crypto';
import { adminQuery, currentYearMonth, parseArgs, withDb } from './synthetic-agency';
import { buildOnce, createSyntheticStack, machine, stackEnv } from './support/stack';
import { loadAverage, writeSummary } from './support/summary';

const ROOT = path.join(__dirname, '..');
/** The worker's chunk size (ALLOWANCE_CHUNK_SIZE). */
const CHUNK = 500;

/** A module of the built worker (dist/), so the measured code is what the worker runs. */
const dist = (p: string): any => require(path.join(ROOT, 'dist', p));

class Rollback extends Error {}

interface Round {
  lines: number;
  computeMs: number;
  writeMs: number;
  wallMs: number;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const per1000 = (ms: number, lines: number) => Math.round((ms / lines) * 1000 * 10) / 10;

export async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const employees = Number(args.employees ?? 20_000);
  const rounds = Number(args.rounds ?? 3);
  buildOnce(args['no-build'] === 'true');
  const stack = await createSyntheticStack({
    employees,
    seed: Number(args.seed ?? 1),
    keep: args.keep === 'true',
    label: 'lines',
    databaseUrl: args['database-url'],
  });
  const month = args.month ?? currentYearMonth().month;
  Object.assign(process.env, stackEnv(stack));
  await dist('database/migrate').runMigrations(stack.url);
  const { Test } = await import('@nestjs/testing');
  const module = await Test.createTestingModule({
    imports: [
      dist('config/config.module').AppConfigModule,
      dist('database/database.module').DatabaseModule,
      dist('common/common.module').CommonModule,
      dist('authz/authz.module').AuthzModule,
      dist('org/org.module').OrgModule,
      dist('allowance/allowance.module').AllowanceModule,
    ],
  })
    .overrideProvider(dist('jobs/queues.service').QueuesService)
    .useValue({
      prefix: stack.prefix,
      queue: () => ({ add: async () => ({}), addBulk: async () => [] }),
      all: () => [],
    })
    .compile();
  module.useLogger(false);
  await module.init();
  const txHost = module.get(dist('database/transaction').TransactionHost);
  const computer = module.get(dist('allowance/line-computer.service').LineComputer);
  const writer = module.get(dist('allowance/line-writer.service').LineWriter);
  const runsRepo = module.get(dist('allowance/allowance-runs.repository').AllowanceRunsRepository);
  const monthsRepo = module.get(dist('allowance/allowance-months.repository').AllowanceMonthsRepository);
  const history = module.get(dist('org/employment-history').EmploymentHistoryReader);
  try {
    const all: string[] = await history.inService(`${month}-01`, `${month}-${lastDay(month)}`);
    const ids = all.slice(0, employees);
    process.stderr.write(
      `  allowance lines ${month}: ${ids.length.toLocaleString('en')} employees (of ${all.length.toLocaleString('en')} in service), chunks of ${CHUNK}, 1 warm-up + ${rounds} rounds; ${machine()}, load ${loadAverage()}\n`,
    );
    // Digest of every computed line as JSON (figures, warnings, explanations): equal between two builds = same results.
    const digest = createHash('sha256');
    const round = async (record = false): Promise<Round> => {
      const r: Round = { lines: 0, computeMs: 0, writeMs: 0, wallMs: 0 };
      const t0 = performance.now();
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        await txHost
          .withTransaction(async () => {
            await monthsRepo.ensure(month);
            const runId = await runsRepo.insertRun(month, 'REGULAR', 'bench');
            const c0 = process.cpuUsage();
            const lines = await computer.compute(month, chunk);
            r.computeMs += cpuMs(process.cpuUsage(c0));
            if (record) digest.update(JSON.stringify(lines));
            const c1 = process.cpuUsage();
            await writer.upsert(month, runId, lines);
            r.writeMs += cpuMs(process.cpuUsage(c1));
            r.lines += lines.length;
            throw new Rollback();
          })
          .catch((err: unknown) => {
            if (!(err instanceof Rollback)) throw err;
          });
      }
      r.wallMs = performance.now() - t0;
      return r;
    };
    await round(true);
    const linesDigest = digest.digest('hex');
    process.stderr.write(`  lines digest (sha256 of the computed lines as JSON): ${linesDigest}\n`);
    const measured: Round[] = [];
    for (let i = 0; i < rounds; i++) {
      const r = await round();
      measured.push(r);
      process.stderr.write(
        `  round ${i + 1}: ${r.lines} lines, worker CPU per 1,000 lines: compute ${per1000(r.computeMs, r.lines)} ms, write ${per1000(r.writeMs, r.lines)} ms (wall ${(r.wallMs / 1000).toFixed(1)} s)\n`,
      );
    }
    const best = (f: (r: Round) => number) => Math.min(...measured.map((r) => per1000(f(r), r.lines)));
    const med = (f: (r: Round) => number) => {
      const xs = measured.map((r) => per1000(f(r), r.lines)).sort((a, b) => a - b);
      return xs[Math.floor(xs.length / 2)];
    };
    const summary = {
      employees: ids.length,
      month,
      rounds,
      linesDigest,
      loadAverageAtStart: loadAverage(),
      computeCpuMsPer1000: { min: best((r) => r.computeMs), median: med((r) => r.computeMs) },
      writeCpuMsPer1000: { min: best((r) => r.writeMs), median: med((r) => r.writeMs) },
      totalCpuMsPer1000: { min: best((r) => r.computeMs + r.writeMs), median: med((r) => r.computeMs + r.writeMs) },
    };
    process.stdout.write(
      `allowance lines: worker CPU per 1,000 lines (median of ${rounds}, min): compute ${summary.computeCpuMsPer1000.median} / ${summary.computeCpuMsPer1000.min} ms, write ${summary.writeCpuMsPer1000.median} / ${summary.writeCpuMsPer1000.min} ms, total ${summary.totalCpuMsPer1000.median} / ${summary.totalCpuMsPer1000.min} ms\n`,
    );
    if (args.json) writeSummary(args.json, summary);
  } finally {
    await module.close();
    if (!stack.keep)
      await adminQuery(
        withDb(process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'postgres'),
        `DROP DATABASE IF EXISTS ${stack.db} WITH (FORCE)`,
      );
  }
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return String(new Date(Date.UTC(y, m, 0)).getUTCDate());
}
