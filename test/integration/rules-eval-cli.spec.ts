import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareGolden } from '../unit/rules/golden-compare';

const root = resolve(__dirname, '..', '..');
const goldenDir = resolve(root, 'test', 'golden');
const cli = join(root, 'dist', 'cli.js');

/** The auditor's path: `npm run -s rules:eval -- FILE.json` on every golden file, as a separate process. */
describe('rules:eval command on the golden files', () => {
  const files = readdirSync(goldenDir).filter((f) => f.endsWith('.json'));

  it('finds golden files and a built CLI', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(existsSync(cli)).toBe(true);
  });

  it.each(files)('%s: every case matches its expected output', (file) => {
    const path = join(goldenDir, file);
    const cases: { id: string; expected: Record<string, unknown> }[] = JSON.parse(readFileSync(path, 'utf8'));
    const out = execFileSync('npm', ['run', '-s', 'rules:eval', '--', path], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    const results: { id: string; output: Record<string, unknown> }[] = JSON.parse(out);
    expect(results.map((r) => r.id)).toEqual(cases.map((c) => c.id));
    const failures = cases.flatMap((c, i) => compareGolden(c.expected, results[i].output).map((p) => `${c.id}: ${p}`));
    expect(failures).toEqual([]);
  });

  it('exits 2 with a message for a missing file', () => {
    let status = 0;
    try {
      execFileSync('node', [cli, 'rules:eval', join(goldenDir, 'no-such-file.json')], { stdio: 'pipe' });
    } catch (err) {
      status = (err as { status: number }).status;
    }
    expect(status).toBe(2);
  });
});
