import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * No source or test file over 400 lines (engineering notes, house style): a file that grows past it
 * is split by meaning (a scenario, a step, a table) rather than trimmed. Generated files are exempt.
 */
const MAX_LINES = 400;
const ROOT = path.resolve(__dirname, '../../..');
const DIRS = ['src', 'test', 'web/src', 'bench', 'scripts'];
/** Written by `npm --prefix web run openapi:types` from openapi.json. */
const GENERATED = new Set(['web/src/api/schema.d.ts']);

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.name === 'node_modules'
        ? []
        : d.isDirectory()
          ? files(path.join(dir, d.name))
          : /\.tsx?$/.test(d.name)
            ? [path.join(dir, d.name)]
            : [],
    );
}

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

const sizes = DIRS.flatMap((d) => files(path.join(ROOT, d)))
  .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
  .filter((rel) => !GENERATED.has(rel))
  .map((rel) => ({ rel, lines: lineCount(fs.readFileSync(path.join(ROOT, rel), 'utf8')) }));

describe('file size', () => {
  it('finds the sources it measures', () => {
    for (const d of DIRS) expect([d, sizes.some((s) => s.rel.startsWith(`${d}/`))]).toEqual([d, true]);
    for (const g of GENERATED) expect([g, fs.existsSync(path.join(ROOT, g))]).toEqual([g, true]);
  });

  it(`no .ts/.tsx file is over ${MAX_LINES} lines`, () => {
    const over = sizes.filter((s) => s.lines > MAX_LINES);
    expect(over.map((s) => `${s.rel}: ${s.lines} lines`)).toEqual([]);
  });
});
