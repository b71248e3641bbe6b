/**
 * Benchmark plumbing: a throwaway synthetic database, the built API and worker as child processes
 * (NODE_ENV=production, logging off, a unique queue prefix), RSS sampling per process, HTTP helpers,
 * and clean-up of the database and the queue prefix.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import IORedis from 'ioredis';
import {
  adminQuery,
  currentYearMonth,
  seedSynthetic,
  SYNTHETIC_ADMIN,
  SyntheticResult,
  withDb,
} from '../synthetic-agency';

const ROOT = path.join(__dirname, '..', '..');

export interface Proc {
  name: string;
  child: ChildProcess;
  peakRssMb: number;
  log: string[];
}

export interface Stack {
  url: string;
  db: string;
  redisUrl: string;
  prefix: string;
  base: string;
  year: number;
  month: string;
  seed: SyntheticResult | null;
  api: Proc | null;
  /** The first worker process (peak RSS: the largest of the worker processes). */
  worker: Proc | null;
  workers: Proc[];
  keep: boolean;
}

export function buildOnce(skip: boolean): void {
  if (skip) return;
  process.stderr.write('  building (tsc -p tsconfig.build.json)…\n');
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

export async function createSyntheticStack(o: {
  employees: number;
  seed: number;
  keep: boolean;
  label: string;
  databaseUrl?: string;
}): Promise<Stack> {
  const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const { year, month } = currentYearMonth();
  const stack: Stack = {
    url: '',
    db: '',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix: `skpbench_${o.label}_${process.pid}`,
    base: '',
    year,
    month,
    seed: null,
    api: null,
    worker: null,
    workers: [],
    keep: o.keep,
  };
  if (o.databaseUrl) {
    stack.url = o.databaseUrl;
    stack.db = new URL(o.databaseUrl).pathname.slice(1);
    stack.keep = true; // never drop a database we were given
    return stack;
  }
  stack.db = `skp_bench_${o.label}_${process.pid}`;
  stack.url = withDb(adminUrl, stack.db);
  await adminQuery(adminUrl, `CREATE DATABASE ${stack.db}`);
  process.stderr.write(`  synthetic agency: ${o.employees.toLocaleString('en')} employees → ${stack.db}\n`);
  stack.seed = await seedSynthetic(stack.url, { employees: o.employees, seed: o.seed, year, month });
  return stack;
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Old-space cap of the worker (MB): V8 otherwise lets the heap grow far past the live data (779 MB peak RSS at 100k). */
export const WORKER_HEAP_MB = Number(process.env.WORKER_HEAP_MB ?? 384);
/** The API's heap cap as in scripts/start (`API_HEAP_MB`, 0 = none). */
export const API_HEAP_MB = Number(process.env.API_HEAP_MB ?? 384);

function start(stack: Stack, name: string, entry: string, env: Record<string, string>, nodeArgs: string[] = []): Proc {
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'dist', entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc: Proc = { name, child, peakRssMb: 0, log: [] };
  const keep = (b: Buffer) => {
    proc.log.push(b.toString());
    if (proc.log.length > 200) proc.log.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const timer = setInterval(() => {
    if (child.pid) proc.peakRssMb = Math.max(proc.peakRssMb, rssMb(child.pid));
  }, 100);
  child.on('exit', () => clearInterval(timer));
  return proc;
}

/** The environment of a process run against the stack: production mode, silent logs, a throwaway JWT secret. */
export function stackEnv(stack: Stack): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: stack.url,
    REDIS_URL: stack.redisUrl,
    QUEUE_PREFIX: stack.prefix,
    JWT_SECRET: randomBytes(48).toString('base64url'),
  };
}

export async function startServices(
  stack: Stack,
  o: {
    port: number;
    worker: boolean;
    workerConcurrency?: number;
    /** Worker processes sharing the queues (production runs several); default WORKER_PROCESSES or 1. */
    workerProcesses?: number;
    extraEnv?: Record<string, string>;
  },
): Promise<void> {
  const env = {
    ...stackEnv(stack),
    PORT: String(o.port),
    HOST: '127.0.0.1',
    LOGIN_RATE_LIMIT: '1000',
    // The bench logs in its 50 PPKs from one address within seconds.
    LOGIN_ACCOUNT_RATE_LIMIT: '1000',
    LOGIN_ADDRESS_RATE_LIMIT: '1000',
    RUN_MIGRATIONS: 'true',
    ...(o.workerConcurrency ? { WORKER_CONCURRENCY: String(o.workerConcurrency) } : {}),
    ...(o.extraEnv ?? {}),
  };
  stack.base = `http://127.0.0.1:${o.port}`;
  // Extra node flags for profiling, e.g. API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (not allowed in NODE_OPTIONS).
  const flags = (v: string | undefined) => (v ?? '').split(' ').filter(Boolean);
  stack.api = start(stack, 'api', 'main.js', env, [
    ...(API_HEAP_MB > 0 ? [`--max-old-space-size=${API_HEAP_MB}`] : []),
    ...flags(process.env.API_NODE_ARGS),
  ]);
  const processes = Math.max(1, o.workerProcesses ?? (Number(process.env.WORKER_PROCESSES) || 1));
  if (o.worker)
    for (let i = 0; i < processes; i++)
      stack.workers.push(
        start(stack, `worker${i}`, 'worker.js', env, [
          ...(WORKER_HEAP_MB > 0 ? [`--max-old-space-size=${WORKER_HEAP_MB}`] : []),
          ...flags(process.env.WORKER_NODE_ARGS),
        ]),
      );
  stack.worker = stack.workers[0] ?? null;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (stack.api.child.exitCode !== null) throw new Error(`API exited: ${stack.api.log.join('').slice(-2000)}`);
    for (const w of stack.workers)
      if (w.child.exitCode !== null) throw new Error(`${w.name} exited: ${w.log.join('').slice(-2000)}`);
    try {
      const r = await fetch(`${stack.base}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('API did not become healthy within 60 s');
    await sleep(200);
  }
}

/** The largest peak RSS of the worker processes (each one has the same bound). */
export function workerPeakRssMb(stack: Stack): number {
  return Math.max(0, ...stack.workers.map((w) => w.peakRssMb));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function stopProc(p: Proc | null): Promise<void> {
  if (!p || p.child.exitCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
  if (p.child.exitCode === null) p.child.kill('SIGKILL');
}

export async function teardown(stack: Stack): Promise<void> {
  await Promise.all([stopProc(stack.api), ...stack.workers.map(stopProc)]);
  const redis = new IORedis(stack.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${stack.prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    /* Redis gone: nothing to clean */
  } finally {
    redis.disconnect();
  }
  if (!stack.keep && stack.db.startsWith('skp_bench_')) {
    const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${stack.db} WITH (FORCE)`);
  } else if (stack.keep) {
    process.stderr.write(`  kept database ${stack.db}\n`);
  }
}

export async function http<T = unknown>(
  stack: Stack,
  method: string,
  p: string,
  token: string | null,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const r = await fetch(`${stack.base}${p}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: r.status, body: parsed as T };
}

export async function login(stack: Stack, nip: string, password: string): Promise<string> {
  const r = await http<{ accessToken: string }>(stack, 'POST', '/api/v1/auth/login', null, { nip, password });
  if (r.status !== 200 && r.status !== 201) throw new Error(`login ${nip}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken;
}

export const adminLogin = (stack: Stack) => login(stack, SYNTHETIC_ADMIN.nip, SYNTHETIC_ADMIN.password);

/** POST /allowance/runs and wait until the run is DONE (or FAILED → error). */
export async function allowanceRun(
  stack: Stack,
  token: string,
  month: string,
  timeoutMs = 600_000,
): Promise<{ id: string; processed: number; report: Record<string, unknown> }> {
  const r = await http<{ id: string }>(stack, 'POST', '/api/v1/allowance/runs', token, { month });
  if (r.status !== 202) throw new Error(`allowance run: ${r.status} ${JSON.stringify(r.body)}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const g = await http<{ status: string; processed: number; report: Record<string, unknown>; error: string | null }>(
      stack,
      'GET',
      `/api/v1/allowance/runs/${r.body.id}`,
      token,
    );
    if (g.body.status === 'DONE') return { id: r.body.id, processed: g.body.processed, report: g.body.report };
    if (g.body.status === 'FAILED') throw new Error(`allowance run failed: ${g.body.error}`);
    if (Date.now() > deadline) throw new Error('allowance run did not finish in time');
    await sleep(250);
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function machine(): string {
  const os = require('node:os') as typeof import('node:os');
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
}
