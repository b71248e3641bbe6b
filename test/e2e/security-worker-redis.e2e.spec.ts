import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { eventually } from '../support/eventually';
import { createPrivateDatabase, PrivateDatabase } from '../support/private-database';
import { RedisInstance } from '../support/redis-instance';

jest.setTimeout(180_000);

const WORKER = join(__dirname, '..', '..', 'dist', 'worker.js');
const GRACE_SECONDS = 8;
/** After the grace: the detection (a ping a second, 1 s timeout) and a close bounded at 5 s, with room for load. */
const EXIT_SLACK_MS = 15_000;

type Line = { stream: 'stdout' | 'stderr'; text: string; json: Record<string, unknown> | null };

function parse(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The built worker as its own OS process, every line of its stdout and stderr collected. */
function startWorker(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, [WORKER], {
    env: { ...process.env, LOG_LEVEL: 'info', WORKER_REDIS_GRACE_SECONDS: String(GRACE_SECONDS), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Line[] = [];
  for (const stream of ['stdout', 'stderr'] as const)
    createInterface({ input: child[stream]! }).on('line', (text) => lines.push({ stream, text, json: parse(text) }));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  return {
    child,
    lines,
    logged: (pred: (o: Record<string, unknown>) => boolean) => lines.some((l) => l.json !== null && pred(l.json)),
    exit: (withinMs: number) =>
      Promise.race([
        exited,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('worker still running')), withinMs)),
      ]),
  };
}

/**
 * Low finding "worker with unreachable Redis": the real worker runs against a Redis this test starts and
 * stops. A short outage is reported (unhealthy, then healthy) and ridden out; when Redis stays away the
 * worker exits non-zero (69) once WORKER_REDIS_GRACE_SECONDS have passed, so a supervisor restarts it,
 * also when Redis is already gone at start. Everything it writes is JSON, one object a line, on stdout.
 */
describe('a worker whose Redis goes away', () => {
  let redis: RedisInstance;
  let db: PrivateDatabase;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: build first (./scripts/test does)`);
    redis = await RedisInstance.start();
    db = await createPrivateDatabase('worker');
  });

  afterAll(async () => {
    for (const w of workers) {
      if (w.exitCode !== null || w.signalCode !== null) continue;
      const gone = new Promise((r) => w.once('exit', r));
      w.kill('SIGKILL');
      await gone;
    }
    redis?.down();
    await db?.drop();
  });

  it('reports unhealthy, survives a short outage, exits non-zero after the grace, and writes only JSON lines', async () => {
    const w = startWorker({ DATABASE_URL: db.url, REDIS_URL: redis.url, QUEUE_PREFIX: 'workerredis' });
    workers.push(w.child);
    await eventually(async () => w.logged((o) => o.msg === 'worker started'), 90_000);

    // A short outage: reported, then recovered; the worker keeps running.
    redis.down();
    await eventually(async () => w.logged((o) => o.health === 'unhealthy' && o.level === 50), 10_000);
    await redis.up();
    await eventually(async () => w.logged((o) => o.health === 'healthy'), 10_000);
    expect(w.child.exitCode).toBeNull();

    // Redis stays away: the worker gives up after the grace and exits non-zero.
    const downAt = Date.now();
    redis.down();
    const { code, at } = await w.exit(GRACE_SECONDS * 1000 + EXIT_SLACK_MS + 15_000);
    expect(code).toBe(69);
    expect(at - downAt).toBeGreaterThanOrEqual((GRACE_SECONDS - 1) * 1000);
    expect(at - downAt).toBeLessThan(GRACE_SECONDS * 1000 + EXIT_SLACK_MS);

    expect(w.lines.filter((l) => l.json === null)).toEqual([]);
    expect(w.lines.filter((l) => l.stream === 'stderr')).toEqual([]);
    expect(w.logged((o) => o.level === 60 && o.redis === 'down')).toBe(true);
  });

  it('exits non-zero after the grace when Redis is unreachable from the start (JSON lines only)', async () => {
    expect(redis.ping()).toBe(false);
    const startedAt = Date.now();
    const w = startWorker({ DATABASE_URL: db.url, REDIS_URL: redis.url, QUEUE_PREFIX: 'workerredis' });
    workers.push(w.child);
    const { code, at } = await w.exit(GRACE_SECONDS * 1000 + EXIT_SLACK_MS + 15_000);
    expect(code).toBe(69);
    expect(at - startedAt).toBeGreaterThanOrEqual((GRACE_SECONDS - 1) * 1000);
    expect(w.logged((o) => o.health === 'unhealthy' && o.level === 50)).toBe(true);
    expect(w.logged((o) => o.level === 60 && o.redis === 'down')).toBe(true);
    expect(w.lines.filter((l) => l.json === null)).toEqual([]);
    expect(w.lines.filter((l) => l.stream === 'stderr')).toEqual([]);
  });
});
