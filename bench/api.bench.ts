/**
 * npm run bench:api [-- --employees 20000 --seed 1 --connections 50 --duration 10 --runs 3 --keep --no-build]
 *
 * Builds, seeds a throwaway synthetic agency, starts the built API and worker (NODE_ENV=production,
 * logging off), runs the month's allowance computation so payroll has lines, then measures with
 * autocannon on this machine (-c 50 -d 10, warm-up first, median of 3 runs):
 *   - GET /api/health (in-run baseline: the framework + a PostgreSQL and a Redis ping),
 *   - PUT /api/v1/skp/{id}/evaluations/{year}/rating by 50 PPKs over their staff (random pick per request),
 *   - GET /api/v1/payroll/allowances?limit=1000 pages (random cursor per request) → lines/s.
 * Prints req/s, p50/p99 and the ratio to the baseline; drops the database and the queue prefix.
 */
import { Client } from 'pg';
import { SYNTHETIC_PASSWORD, parseArgs } from './synthetic-agency';
import {
  adminLogin,
  allowanceRun,
  buildOnce,
  createSyntheticStack,
  http,
  login,
  machine,
  median,
  startServices,
  Stack,
  teardown,
} from './support/stack';

const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
}

interface Scenario {
  name: string;
  /** Lines per request (payroll page) to report lines/s. */
  linesPerRequest?: number;
  request: () => { method: string; path: string; headers: Record<string, string>; body?: string };
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function runOnce(base: string, s: Scenario, connections: number, duration: number): Promise<Figures> {
  const r = await autocannon({
    url: base,
    connections,
    duration,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, ...s.request() }) }],
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

async function measure(
  base: string,
  s: Scenario,
  o: { connections: number; duration: number; runs: number },
): Promise<Figures> {
  process.stderr.write(`  ${s.name}: warm-up`);
  await runOnce(base, s, o.connections, 3);
  const runs: Figures[] = [];
  for (let i = 0; i < o.runs; i++) {
    process.stderr.write(` · run ${i + 1}`);
    runs.push(await runOnce(base, s, o.connections, o.duration));
  }
  process.stderr.write('\n');
  const mid = median(runs.map((r) => r.rps));
  const chosen = runs.find((r) => r.rps === mid) ?? runs[0];
  return {
    rps: mid,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
    errors: runs.reduce((a, r) => a + r.errors, 0) || chosen.errors,
  };
}

async function ratingPool(stack: Stack, ppks: number): Promise<{ token: string; skpIds: string[] }[]> {
  const c = new Client({ connectionString: stack.url });
  await c.connect();
  try {
    // PPKs = seksi heads; their staff (not unit heads) with an APPROVED SKP of the year.
    const rows: { nip: string; skp_ids: string[] }[] = (
      await c.query(
        `SELECT p.nip, array_agg(s.id) AS skp_ids
           FROM employee_assignments a
           JOIN employees p ON p.id = a.supervisor_id
           JOIN employee_assignments pa ON pa.employee_id = p.id AND pa.position_kind = 'PENGAWAS'
           JOIN skp s ON s.employee_id = a.employee_id AND s.year = $1 AND s.status = 'APPROVED'
          WHERE NOT a.is_unit_head
          GROUP BY p.nip ORDER BY p.nip LIMIT $2`,
        [stack.year, ppks],
      )
    ).rows;
    return Promise.all(
      rows.map(async (r) => ({ token: await login(stack, r.nip, SYNTHETIC_PASSWORD), skpIds: r.skp_ids })),
    );
  } finally {
    await c.end();
  }
}

async function payrollCursors(stack: Stack, token: string, month: string): Promise<(string | null)[]> {
  const cursors: (string | null)[] = [null];
  for (let i = 0; i < 10_000; i++) {
    const after = cursors[cursors.length - 1];
    const r = await http<{ items: unknown[]; nextCursor: string | null }>(
      stack,
      'GET',
      `/api/v1/payroll/allowances?month=${month}&limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      token,
    );
    if (r.status !== 200) throw new Error(`payroll page: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    if (!r.body.nextCursor) break;
    cursors.push(r.body.nextCursor);
  }
  // The last page may be short: measure full pages only.
  return cursors.length > 1 ? cursors.slice(0, -1) : cursors;
}

export async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const employees = Number(args.employees ?? 20_000);
  const o = {
    connections: Number(args.connections ?? 50),
    duration: Number(args.duration ?? 10),
    runs: Number(args.runs ?? 3),
  };
  buildOnce(args['no-build'] === 'true');
  const stack = await createSyntheticStack({
    employees,
    seed: Number(args.seed ?? 1),
    keep: args.keep === 'true',
    label: 'api',
    databaseUrl: args['database-url'],
  });
  try {
    await startServices(stack, { port: Number(args.port ?? 3390), worker: true });
    const admin = await adminLogin(stack);
    process.stderr.write(`  allowance run ${stack.month} (so payroll has lines)…\n`);
    const run = await allowanceRun(stack, admin, stack.month);
    const pool = await ratingPool(stack, o.connections);
    const cursors = await payrollCursors(stack, admin, stack.month);
    const ratings = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'];
    const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
    const json = { 'content-type': 'application/json' };
    const scenarios: Scenario[] = [
      { name: 'GET /api/health (baseline)', request: () => ({ method: 'GET', path: '/api/health', headers: {} }) },
      {
        name: `PUT …/evaluations/${stack.year}/rating`,
        request: () => {
          const p = pick(pool);
          return {
            method: 'PUT',
            path: `/api/v1/skp/${pick(p.skpIds)}/evaluations/${stack.year}/rating`,
            headers: { ...json, authorization: `Bearer ${p.token}` },
            body: JSON.stringify({
              resultRating: pick(ratings),
              behaviorRating: pick(ratings),
              note: 'Penilaian akhir tahun',
            }),
          };
        },
      },
      {
        name: 'GET /api/v1/payroll/allowances?limit=1000',
        linesPerRequest: 1000,
        request: () => {
          const c = pick(cursors);
          return {
            method: 'GET',
            path: `/api/v1/payroll/allowances?month=${stack.month}&limit=1000${c ? `&after=${encodeURIComponent(c)}` : ''}`,
            headers: { authorization: `Bearer ${admin}` },
          };
        },
      },
      {
        // What a payroll system needs (amounts, no per-line explanation, ~2 KB of the ~2.3 KB per item).
        name: 'GET …/allowances?limit=1000&explanation=false',
        linesPerRequest: 1000,
        request: () => {
          const c = pick(cursors);
          return {
            method: 'GET',
            path: `/api/v1/payroll/allowances?month=${stack.month}&limit=1000&explanation=false${c ? `&after=${encodeURIComponent(c)}` : ''}`,
            headers: { authorization: `Bearer ${admin}` },
          };
        },
      },
    ];
    const results: [Scenario, Figures][] = [];
    for (const s of scenarios) results.push([s, await measure(stack.base, s, o)]);
    const base = results[0][1].rps;
    console.log(`API benchmark (${machine()}; PostgreSQL and Redis on the same machine; autocannon in-process)`);
    console.log(
      `  ${employees.toLocaleString('en')} synthetic employees, allowance lines ${run.processed.toLocaleString('en')}; -c ${o.connections} -d ${o.duration}, warm-up 3 s, median of ${o.runs}`,
    );
    for (const [s, f] of results) {
      const lines = s.linesPerRequest ? `  ${Math.round(f.rps * s.linesPerRequest).toLocaleString('en')} lines/s` : '';
      const bad = f.non2xx || f.errors ? `  (non-2xx ${f.non2xx}, errors ${f.errors})` : '';
      console.log(
        `  ${s.name.padEnd(44)} ${Math.round(f.rps).toLocaleString('en').padStart(7)} req/s  p50 ${f.p50} ms  p99 ${f.p99} ms  ${(f.rps / base).toFixed(2)}× baseline${lines}${bad}`,
      );
    }
    console.log(
      `  peak RSS: API ${stack.api!.peakRssMb.toFixed(0)} MB, worker ${stack.worker!.peakRssMb.toFixed(0)} MB`,
    );
  } finally {
    await teardown(stack);
  }
}
