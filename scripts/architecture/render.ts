import { TABLE_OWNERS } from '../../src/database/table-owners';
import { EVENT_ROUTES, JOBS, type JobName } from '../../src/jobs/job-registry';

/** The ownership table of docs/architecture.md (feature → tables), from TABLE_OWNERS. */
export function renderOwnership(): string {
  const rows = Object.entries(TABLE_OWNERS).map(
    ([feature, tables]) => `| \`${feature}\` | ${tables.map((t) => `\`${t}\``).join(', ')} |`,
  );
  return ['| Feature (`src/…`) | Tables it owns |', '|---|---|', ...rows].join('\n');
}

/** The event → job map of docs/architecture.md, from EVENT_ROUTES and JOBS. */
export function renderEventJobs(): string {
  const rows = Object.entries(EVENT_ROUTES).map(([event, jobs]) => {
    const list = jobs.length
      ? jobs.map((j: JobName) => `\`${j}\` (${JOBS[j].queue}, ${JOBS[j].attempts} attempts)`).join(', ')
      : '— (recorded for webhooks and audit; no job)';
    return `| \`${event}\` | ${list} |`;
  });
  return ['| Outbox event | Jobs (queue, attempts) |', '|---|---|', ...rows].join('\n');
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
