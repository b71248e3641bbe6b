import * as fs from 'node:fs';
import * as path from 'node:path';
import { TABLE_OWNERS } from '../../../src/database/table-owners';
import { tsFiles } from '../../support/source-files';

/**
 * The walls between features (docs/architecture.md): SQL lives in `*.repository.ts` files (and
 * `src/database/`), and a feature's SQL names only the tables it owns (TABLE_OWNERS). What is not
 * converted yet is listed below with why; the lists can only shrink (an entry that no longer applies
 * fails too, so it is removed when its file is converted).
 */

/** Files that still call `.query(` outside a repository. */
const QUERY_OUTSIDE_REPOSITORIES: Record<string, string> = {};

/** Files whose SQL still names another feature's tables: exactly these tables, and why. */
const CROSS_FEATURE_SQL: Record<string, { tables: string[]; why: string }> = {
  'allowance/payroll-lines.repository.ts': {
    tables: ['employees'],
    why: 'the payroll page is one COPY stream assembled in PostgreSQL and passed through unparsed; the name is joined in that statement (a read model across allowance and org)',
  },
  'monitoring/year-end-progress.repository.ts': {
    tables: ['units', 'unit_performance', 'employee_assignments', 'skp', 'evaluations', 'employees'],
    why: 'the year-end dashboard aggregates across features in one set-based query (a report read model)',
  },
  'skp/skp-queries.repository.ts': {
    tables: ['employees', 'employee_assignments'],
    why: 'the SKP list and cascade page and order by NIP in one set-based read (a read model across SKP and org)',
  },
};

const SRC = path.resolve(__dirname, '../../../src');
const SKIP = new Set(['database', 'rules']);
const SQL_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+"?([a-z_]+)\b/g;

const owner = new Map<string, string>();
for (const [feature, tables] of Object.entries(TABLE_OWNERS)) for (const t of tables) owner.set(t, feature);

const sources = tsFiles(SRC)
  .map((f) => path.relative(SRC, f).split(path.sep).join('/'))
  .filter((rel) => !SKIP.has(rel.split('/')[0]))
  .map((rel) => ({ rel, text: fs.readFileSync(path.join(SRC, rel), 'utf8') }));

describe('walls between features', () => {
  it('every table has one owner', () => {
    const all = Object.values(TABLE_OWNERS).flat();
    expect(all.length).toBe(new Set(all).size);
  });

  it('.query( appears only in repositories and src/database (allowlist can only shrink)', () => {
    const found = sources
      .filter((s) => !s.rel.endsWith('.repository.ts') && /\.query\(/.test(s.text))
      .map((s) => s.rel)
      .sort();
    const unlisted = found.filter((f) => !(f in QUERY_OUTSIDE_REPOSITORIES));
    const stale = Object.keys(QUERY_OUTSIDE_REPOSITORIES).filter((f) => !found.includes(f));
    expect({ unlisted, stale }).toEqual({ unlisted: [], stale: [] });
  });

  it("a feature's SQL names only its own tables (allowlist can only shrink)", () => {
    const found: Record<string, string[]> = {};
    for (const s of sources) {
      const feature = s.rel.includes('/') ? s.rel.split('/')[0] : '';
      const foreign = new Set<string>();
      for (const m of s.text.matchAll(SQL_TABLE)) {
        const o = owner.get(m[1]);
        if (o && o !== feature) foreign.add(m[1]);
      }
      if (foreign.size) found[s.rel] = [...foreign].sort();
    }
    const listed = Object.fromEntries(Object.entries(CROSS_FEATURE_SQL).map(([f, e]) => [f, [...e.tables].sort()]));
    expect(found).toEqual(listed);
  });
});
