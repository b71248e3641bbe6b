/**
 * CPU time (user + system) of the bench's processes while a phase runs: the API, the worker(s) and the
 * PostgreSQL backends serving the bench's database, read from /proc/PID/stat every 500 ms (a backend that
 * exits keeps its last reading). With the wall time it tells whether a run was bound by the machine's cores:
 * core-seconds ÷ wall ≈ the number of cores busy. Linux only; elsewhere the figures are null.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Client } from 'pg';

export interface CpuSeconds {
  api: number;
  workers: number;
  postgres: number;
  /** All three, per second of wall time: how many cores were busy on average. */
  coresBusy: number;
}

function ticksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** utime + stime of a process, in ticks; null when it has gone. */
function ticks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return null;
  }
}

export class CpuMeter {
  private readonly hz = ticksPerSecond();
  private readonly start = new Map<number, number>();
  private readonly last = new Map<number, { kind: 'api' | 'workers' | 'postgres'; ticks: number }>();
  private timer: NodeJS.Timeout | null = null;
  private t0 = 0;
  private sampling: Promise<void> = Promise.resolve();

  /** `client`: a connection to the bench's database (its own backend is left out). */
  constructor(
    private readonly client: Client,
    private readonly apiPid: number | undefined,
    private readonly workerPids: (number | undefined)[],
  ) {}

  static available(): boolean {
    return existsSync('/proc/self/stat');
  }

  async begin(): Promise<void> {
    this.t0 = Date.now();
    await this.sample(true);
    this.timer = setInterval(() => {
      this.sampling = this.sampling.then(() => this.sample(false)).catch(() => undefined);
    }, 500);
  }

  async end(): Promise<CpuSeconds> {
    if (this.timer) clearInterval(this.timer);
    await this.sampling;
    await this.sample(false);
    const wall = (Date.now() - this.t0) / 1000;
    const sum = { api: 0, workers: 0, postgres: 0 };
    for (const [pid, r] of this.last) sum[r.kind] += (r.ticks - (this.start.get(pid) ?? 0)) / this.hz;
    return { ...sum, coresBusy: (sum.api + sum.workers + sum.postgres) / wall };
  }

  private async sample(first: boolean): Promise<void> {
    const procs: { pid: number; kind: 'api' | 'workers' | 'postgres' }[] = [];
    if (this.apiPid) procs.push({ pid: this.apiPid, kind: 'api' });
    for (const pid of this.workerPids) if (pid) procs.push({ pid, kind: 'workers' });
    const r = await this.client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    for (const { pid } of r.rows) procs.push({ pid, kind: 'postgres' });
    for (const p of procs) {
      const t = ticks(p.pid);
      if (t === null) continue;
      // A backend that connects later starts from zero: all of its CPU belongs to the phase.
      if (!this.start.has(p.pid)) this.start.set(p.pid, first || p.kind !== 'postgres' ? t : 0);
      this.last.set(p.pid, { kind: p.kind, ticks: t });
    }
  }
}
