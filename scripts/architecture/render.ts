import { TABLE_OWNERS } from '../../src/database/table-owners';
import { jobCatalogue } from '../../src/jobs/job-catalogue';

/** The ownership table of docs/architecture.md (feature → tables), from TABLE_OWNERS. */
export function renderOwnership(): string {
  const rows = Object.entries(TABLE_OWNERS).map(
    ([feature, tables]) => `| \`${feature}\` | ${tables.map((t) => `\`${t}\``).join(', ')} |`,
  );
  return ['| Feature (`src/…`) | Tables it owns |', '|---|---|', ...rows].join('\n');
}

/** The event → job map of docs/architecture.md, from the `*.events.ts` and `*.job.ts` declarations. */
export function renderEventJobs(): string {
  const { events, jobs } = jobCatalogue();
  const feature = (file: string) => `\`${file.split('/')[0]}\``;
  const eventRows = [...events.values()].map(({ event, jobs: fed, file }) => {
    const list = fed.length
      ? fed
          .map((j) => `\`${j.name}\` (${j.queue}, ${j.attempts} attempts${j.batch ? `, batches of ${j.batch}` : ''})`)
          .join(', ')
      : '— (recorded for webhooks and audit; no job)';
    return `| \`${event.type}\` | ${feature(file)} | ${list} |`;
  });
  const jobRows = [...jobs.values()].map((j) => {
    const when = [
      ...j.on.map((e) => `\`${e.type}\``),
      ...(j.repeat
        ? [
            'pattern' in j.repeat
              ? `cron \`${j.repeat.pattern}\` (${j.repeat.tz})`
              : `every ${j.repeat.everyMs / 60000} min`,
          ]
        : []),
    ].join(', ');
    return `| \`${j.name}\` | \`${j.file}\` | ${j.queue} | ${j.attempts} × from ${j.backoffMs} ms | ${when} | ${j.description} |`;
  });
  return [
    '| Outbox event | Emitted by | Jobs (queue, attempts) |',
    '|---|---|---|',
    ...eventRows,
    '',
    '| Job | Declared in | Queue | Attempts (exponential backoff) | Runs on | What it does |',
    '|---|---|---|---|---|---|',
    ...jobRows,
  ].join('\n');
}

export const MARKERS = {
  ownership: ['<!-- generated:table-owners -->', '<!-- /generated:table-owners -->'],
  events: ['<!-- generated:event-jobs -->', '<!-- /generated:event-jobs -->'],
} as const;

/** The document with both generated blocks replaced by what the code says now. */
export function refresh(doc: string): string {
  const put = (text: string, [start, end]: readonly [string, string], body: string) => {
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    if (i < 0 || j < i) throw new Error(`docs/architecture.md lacks the markers ${start} … ${end}`);
    return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
  };
  return put(put(doc, MARKERS.ownership, renderOwnership()), MARKERS.events, renderEventJobs());
}
