import * as fs from 'node:fs';
import * as path from 'node:path';
import { tsFiles } from '../../support/source-files';

/**
 * Transactions are implicit (docs/architecture.md, engineering notes): a repository reads the caller's
 * transaction from the context (`BaseRepository.db()` / `TransactionHost`), so only repositories and
 * `src/database/` know TypeORM's `DataSource` / `EntityManager`, and nothing passes a manager around.
 * What is not converted yet is listed below with why; the lists can only shrink (an entry that no
 * longer applies fails too, so it is removed when its file is converted).
 */

/** Files outside repositories and src/database that still name DataSource or EntityManager. */
const TYPEORM_OUTSIDE_REPOSITORIES: Record<string, string> = {};

/** Repositories whose functions still take a manager parameter, and why. */
const MANAGER_PARAMETERS: Record<string, string> = {};

const SRC = path.resolve(__dirname, '../../../src');
const TYPEORM_NAMES = /\b(?:DataSource|EntityManager)\b/;
const MANAGER_PARAMETER = /\b\w+\??\s*:\s*EntityManager\b/;

const sources = tsFiles(SRC)
  .map((f) => path.relative(SRC, f).split(path.sep).join('/'))
  .filter((rel) => rel.split('/')[0] !== 'database')
  .map((rel) => ({ rel, text: fs.readFileSync(path.join(SRC, rel), 'utf8') }));

function check(found: string[], allowed: Record<string, string>) {
  const unlisted = found.filter((f) => !(f in allowed));
  const stale = Object.keys(allowed).filter((f) => !found.includes(f));
  expect({ unlisted, stale }).toEqual({ unlisted: [], stale: [] });
}

describe('implicit transactions', () => {
  it('DataSource / EntityManager appear only in repositories and src/database (allowlist can only shrink)', () => {
    const found = sources
      .filter((s) => !s.rel.endsWith('.repository.ts') && TYPEORM_NAMES.test(s.text))
      .map((s) => s.rel)
      .sort();
    check(found, TYPEORM_OUTSIDE_REPOSITORIES);
  });

  it('no repository takes a manager parameter (allowlist can only shrink)', () => {
    const found = sources
      .filter((s) => s.rel.endsWith('.repository.ts') && MANAGER_PARAMETER.test(s.text))
      .map((s) => s.rel)
      .sort();
    check(found, MANAGER_PARAMETERS);
  });
});
