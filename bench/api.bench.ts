/**
 * npm run bench:api [-- --employees 20000 --seed 1 --connections 50 --duration 10 --runs 3 --keep --no-build]
 *
 * Builds, seeds a throwaway synthetic agency, starts the built API and worker (NODE_ENV=production,
 * logging off), runs the month's allowance computation so payroll has lines, then measures with
 * autocannon on this machine (-c 50 -d 10, warm-up first, median of 3 runs):
 *   - GET /api/health (in-run baseline: the framework + a PostgreSQL and a Redis ping),
 *   - PUT /api/v1/skp/{id}/evaluations/{year}/rating by 50 PPKs over their staff (random pick per request),
 *   - GET /api/v1/payroll/allowances?limit=1000 pages (random cursor per request) → lines/s, with and
 *     without the per-line explanation,
 *   - the console's main reads at -c 20 (--console-connections): GET /api/health again as their baseline,
 *     the PPK's team list (GET /api/v1/me/team), the evaluation view (GET /api/v1/skp/{id}/evaluations/{year})
 *     and the year-end monitoring dashboard (GET /api/v1/monitoring/year-end, ADMIN).
 * Prints req/s, p50/p99 and the ratio to the baseline; with --json FILE also writes the summary
 * (bench/support/summary.ts); --only rating,payroll,… measures only those endpoints (the baselines always).
 * Drops the database and the queue prefix.
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
import { ApiSummary, EndpointSummary, ExportSummary, loadAverage, writeSummary } from './support/summary';

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
  /** Key in the JSON summary. */
  key: string;
  name: string;
  /** Concurrent connections (default --connections). */
  connections?: number;
  /** Lines per request (payroll page) to report lines/s. */
  linesPerRequest?: number;
  request: () => { method: string; path: string; headers: Record<string, string>; body?: string };
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Socket errors and timeouts (autocannon's 10 s per request) together. */
  errors: number;
  timeouts: number;
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
    timeouts: r.timeouts,
  };
}

async function measure(
  base: string,
  s: Scenario,
  o: { connections: number; duration: number; runs: number },
): Promise<Figures> {
  const connections = s.connections ?? o.connections;
  process.stderr.write(`  ${s.name} -c ${connections}: warm-up`);
  await runOnce(base, s, connections, 3);
  const runs: Figures[] = [];
  for (let i = 0; i < o.runs; i++) {
    process.stderr.write(` · run ${i + 1}`);
    runs.push(await runOnce(base, s, connections, o.duration));
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
    timeouts: runs.reduce((a, r) => a + r.timeouts, 0),
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

/**
 * The month's payroll file (CSV, then XLSX) downloaded whole, one at a time: lines, MB, time and the
 * API's peak RSS during each download (the streams are meant to run in constant memory).
 */
async function payrollExports(stack: Stack, token: string): Promise<Record<string, ExportSummary>> {
  const out: Record<string, ExportSummary> = {};
  for (const format of ['csv', 'xlsx']) {
    process.stderr.write(`  GET /api/v1/payroll/allowances.${format} (whole month)…\n`);
    const api = stack.api!;
    await new Promise((r) => setTimeout(r, 300));
    const before = api.peakRssMb;
    api.peakRssMb = 0;
    await new Promise((r) => setTimeout(r, 150));
    const rssBefore = api.peakRssMb;
    const t0 = process.hrtime.bigint();
    const r = await fetch(`${stack.base}/api/v1/payroll/allowances.${format}?month=${stack.month}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (r.status !== 200 || !r.body) throw new Error(`payroll ${format}: ${r.status}`);
    let bytes = 0;
    let newlines = 0;
    for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      if (format === 'csv') for (const b of chunk) if (b === 10) newlines++;
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const lines = format === 'csv' ? newlines - 1 : (out.csv?.lines ?? 0);
    out[format] = {
      lines,
      megabytes: bytes / 1e6,
      seconds,
      linesPerSec: lines / seconds,
      apiPeakRssMb: api.peakRssMb,
      apiRssBeforeMb: rssBefore,
    };
    api.peakRssMb = Math.max(before, api.peakRssMb);
  }
  return out;
}

/** The console's main reads (PPK team list, evaluation view, ADMIN year-end dashboard) and their own -c baseline. */
function consoleScenarios(
  stack: Stack,
  pool: { token: string; skpIds: string[] }[],
  admin: string,
  connections: number,
  pick: <T>(xs: T[]) => T,
): Scenario[] {
  const get = (path: string, token: string) => ({ method: 'GET', path, headers: { authorization: `Bearer ${token}` } });
  return [
    {
      key: 'consoleBaseline',
      name: 'GET /api/health (console baseline)',
      connections,
      request: () => ({ method: 'GET', path: '/api/health', headers: {} }),
    },
    {
      key: 'teamList',
      name: `GET /api/v1/me/team?year=${stack.year}`,
      connections,
      request: () => get(`/api/v1/me/team?year=${stack.year}`, pick(pool).token),
    },
    {
      key: 'evaluationView',
      name: `GET /api/v1/skp/{id}/evaluations/${stack.year}`,
      connections,
      request: () => {
        const p = pick(pool);
        return get(`/api/v1/skp/${pick(p.skpIds)}/evaluations/${stack.year}`, p.token);
      },
    },
    {
      key: 'monitoringDashboard',
      name: `GET /api/v1/monitoring/year-end?year=${stack.year}`,
      connections,
      request: () => get(`/api/v1/monitoring/year-end?year=${stack.year}`, admin),
    },
  ];
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
    const consoleConnections = Number(args['console-connections'] ?? 20);
    const only = args.only ? new Set(args.only.split(',')) : null;
    const payrollWanted = !only || only.has('payroll') || only.has('payrollNoExplanation') || only.has('payrollExport');
    let lines = 0;
    let cursors: (string | null)[] = [null];
    if (payrollWanted) {
      process.stderr.write(`  allowance run ${stack.month} (so payroll has lines)…\n`);
      lines = (await allowanceRun(stack, admin, stack.month)).processed;
      cursors = await payrollCursors(stack, admin, stack.month);
    }
    const load0 = loadAverage();
    const pool = await ratingPool(stack, o.connections);
    const ratings = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'];
    const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
    const json = { 'content-type': 'application/json' };
    const scenarios: Scenario[] = [
      {
        key: 'baseline',
        name: 'GET /api/health (baseline)',
        request: () => ({ method: 'GET', path: '/api/health', headers: {} }),
      },
      {
        key: 'rating',
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
        key: 'payroll',
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
        key: 'payrollNoExplanation',
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
      ...consoleScenarios(stack, pool, admin, consoleConnections, pick),
    ];
    const results: [Scenario, Figures][] = [];
    for (const s of scenarios)
      if (!only || s.key === 'baseline' || s.key === 'consoleBaseline' || only.has(s.key))
        results.push([s, await measure(stack.base, s, o)]);
    const exports = !only || only.has('payrollExport') ? await payrollExports(stack, admin) : undefined;
    const base = results[0][1].rps;
    const baseOf = (s: Scenario) =>
      (s.connections ?? o.connections) === o.connections
        ? base
        : (results.find(([b]) => b.key === 'consoleBaseline')?.[1].rps ?? base);
    console.log(`API benchmark (${machine()}; PostgreSQL and Redis on the same machine; autocannon in-process)`);
    console.log(
      `  ${employees.toLocaleString('en')} synthetic employees, allowance lines ${lines.toLocaleString('en')}; -c ${o.connections} -d ${o.duration}, warm-up 3 s, median of ${o.runs}`,
    );
    for (const [s, f] of results) {
      const lines = s.linesPerRequest ? `  ${Math.round(f.rps * s.linesPerRequest).toLocaleString('en')} lines/s` : '';
      const bad =
        f.non2xx || f.errors ? `  (non-2xx ${f.non2xx}, errors ${f.errors} of which timeouts ${f.timeouts})` : '';
      console.log(
        `  ${s.name.padEnd(44)} -c ${String(s.connections ?? o.connections).padEnd(3)} ${Math.round(f.rps).toLocaleString('en').padStart(7)} req/s  p50 ${f.p50} ms  p99 ${f.p99} ms  ${(f.rps / baseOf(s)).toFixed(2)}× baseline${lines}${bad}`,
      );
    }
    for (const [format, e] of Object.entries(exports ?? {}))
      console.log(
        `  GET …/allowances.${format} whole month: ${e.lines.toLocaleString('en')} lines, ${e.megabytes.toFixed(1)} MB in ${e.seconds.toFixed(1)} s (${Math.round(e.linesPerSec).toLocaleString('en')} lines/s), API RSS ${e.apiRssBeforeMb.toFixed(0)} MB before, peak ${e.apiPeakRssMb.toFixed(0)} MB during`,
      );
    console.log(
      `  peak RSS: API ${stack.api!.peakRssMb.toFixed(0)} MB, worker ${stack.worker!.peakRssMb.toFixed(0)} MB; load average at start ${load0}`,
    );
    const endpoints: Record<string, EndpointSummary> = {};
    for (const [s, f] of results.slice(1))
      endpoints[s.key] = {
        reqPerSec: f.rps,
        p50Ms: f.p50,
        p99Ms: f.p99,
        errors: f.errors,
        timeouts: f.timeouts,
        non2xx: f.non2xx,
        ratioToBaseline: f.rps / baseOf(s),
        connections: s.connections ?? o.connections,
        ...(s.linesPerRequest ? { linesPerSec: f.rps * s.linesPerRequest } : {}),
      };
    const summary: ApiSummary = {
      employees,
      loadAverageAtStart: load0,
      baseline: { reqPerSec: base, p50Ms: results[0][1].p50, p99Ms: results[0][1].p99, connections: o.connections },
      endpoints,
      apiPeakRssMb: stack.api!.peakRssMb,
      workerPeakRssMb: stack.worker!.peakRssMb,
      ...(exports ? { exports } : {}),
    };
    writeSummary(args.json, summary);
  } finally {
    await teardown(stack);
  }
}
