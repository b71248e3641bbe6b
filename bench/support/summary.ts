/**
 * Machine-readable summaries of the benchmarks (`--json FILE`), next to the printed tables, so runs
 * can be compared (bench/compare.sh prints new/old ratios of two checkouts' summaries).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { CpuSeconds } from './cpu-meter';

export interface EndpointSummary {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors and timeouts together; `timeouts` counts the latter alone. */
  errors: number;
  timeouts: number;
  non2xx: number;
  ratioToBaseline: number;
  connections: number;
  linesPerSec?: number;
}

export interface ApiSummary {
  employees: number;
  loadAverageAtStart: number;
  baseline: { reqPerSec: number; p50Ms: number; p99Ms: number; connections: number };
  endpoints: Record<string, EndpointSummary>;
  apiPeakRssMb: number;
  workerPeakRssMb: number;
  /** Whole-month payroll files (`--only …,payrollExport`), downloaded one after the other. */
  exports?: Record<string, ExportSummary>;
}

export interface ExportSummary {
  lines: number;
  megabytes: number;
  seconds: number;
  linesPerSec: number;
  /** API peak RSS while this file was being downloaded (sampled every 100 ms). */
  apiPeakRssMb: number;
  /** API RSS just before the download. */
  apiRssBeforeMb: number;
}

export interface YearEndSummary {
  employees: number;
  wallSeconds: number;
  finalizeSeconds: number;
  copySeconds: number;
  ratioToCopy: number;
  apiPeakRssMb: number;
  workerPeakRssMb: number;
  failedJobs: number;
  loadAverageAtStart: number;
  /** CPU time of the API, the workers and the database's backends during the close (null off Linux). */
  cpuSeconds: CpuSeconds | null;
}

export const loadAverage = (): number => Number(os.loadavg()[0].toFixed(2));

const round = (x: number, digits = 1): number => Number(x.toFixed(digits));

export function roundFigures<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'number') out[k] = k.startsWith('ratio') ? round(v, 3) : round(v);
    else if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = roundFigures(v as object);
    else out[k] = v;
  }
  return out as T;
}

export function writeSummary(file: string | undefined, summary: object): void {
  if (!file || file === 'true') return;
  writeFileSync(file, `${JSON.stringify(roundFigures(summary), null, 2)}\n`);
  process.stderr.write(`  summary written to ${file}\n`);
}
