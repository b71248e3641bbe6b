import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { QUEUE_NAMES, type EventDeclaration, type JobDeclaration, type RepeatSchedule } from './job-declaration';

/** Every declared event with the jobs it feeds, every job, the jobs the worker schedules itself. */
export interface JobCatalogue {
  readonly events: ReadonlyMap<string, { event: EventDeclaration; jobs: JobDeclaration[]; file: string }>;
  readonly jobs: ReadonlyMap<string, JobDeclaration & { file: string }>;
  readonly repeatables: readonly (RepeatSchedule & { job: JobDeclaration })[];
}

// Running from TypeScript (tests, scripts) or from the build: declarations have the same extension as this file.
const EXT = __filename.endsWith('.ts') ? '.ts' : '.js';
const SUFFIXES = [`.job${EXT}`, `.events${EXT}`];

/** The declaration files under `src/` (or `dist/`), in a stable order. */
function declarationFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (SUFFIXES.some((s) => e.name.endsWith(s)) && !e.name.endsWith('.d.ts')) out.push(full);
    }
  };
  walk(root);
  return out;
}

function isDeclaration(x: unknown, kind: 'job' | 'event'): boolean {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === kind;
}

/** Reads the declarations and checks them; throws on a duplicate name, an undeclared event or a bad queue. */
export function buildCatalogue(root = join(__dirname, '..')): JobCatalogue {
  const events = new Map<string, { event: EventDeclaration; jobs: JobDeclaration[]; file: string }>();
  const jobs = new Map<string, JobDeclaration & { file: string }>();
  const problems: string[] = [];
  const loaded = declarationFiles(root).map((file) => ({
    file: file.slice(root.length + 1),
    // Synchronous on purpose: the catalogue is complete before the first event is recorded or relayed.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exports: Object.values(require(file) as Record<string, unknown>),
  }));
  for (const { file, exports } of loaded) {
    for (const x of exports) {
      if (!isDeclaration(x, 'event')) continue;
      const event = x as EventDeclaration;
      if (events.has(event.type)) problems.push(`event "${event.type}" declared twice`);
      else events.set(event.type, { event, jobs: [], file });
    }
  }
  for (const { file, exports } of loaded) {
    for (const x of exports) {
      if (!isDeclaration(x, 'job')) continue;
      const job = x as JobDeclaration;
      if (jobs.has(job.name)) problems.push(`job "${job.name}" declared twice`);
      if (!QUEUE_NAMES.includes(job.queue)) problems.push(`job "${job.name}": unknown queue "${job.queue}"`);
      jobs.set(job.name, { ...job, file });
      for (const e of job.on) {
        const entry = events.get(e.type);
        if (!entry) problems.push(`job "${job.name}" listens to an undeclared event "${e.type}"`);
        else entry.jobs.push(job);
      }
    }
  }
  const repeatables = [...jobs.values()].flatMap((j) => (j.repeat ? [{ ...j.repeat, job: j }] : []));
  const ids = repeatables.map((r) => r.id);
  for (const id of ids.filter((id, i) => ids.indexOf(id) !== i)) problems.push(`repeat id "${id}" used twice`);
  if (problems.length) throw new Error(`Job declarations: ${problems.join('; ')}`);
  return { events, jobs, repeatables };
}

let cached: JobCatalogue | null = null;

/** The catalogue of this process, built once from the `*.events` and `*.job` files. */
export function jobCatalogue(): JobCatalogue {
  cached ??= buildCatalogue();
  return cached;
}

/** The declaration of a job by name (throws for an unknown one). */
export function declaredJob(name: string): JobDeclaration {
  const job = jobCatalogue().jobs.get(name);
  if (!job) throw new Error(`Unknown job "${name}"`);
  return job;
}

/** The jobs an outbox event feeds (none for an event recorded for webhooks and audit only). */
export function jobsFor(eventType: string): readonly JobDeclaration[] {
  return jobCatalogue().events.get(eventType)?.jobs ?? [];
}

export function isDeclaredEvent(eventType: string): boolean {
  return jobCatalogue().events.has(eventType);
}
