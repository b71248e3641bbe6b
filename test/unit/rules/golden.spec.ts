import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluateCases } from '../../../src/rules/evaluator/evaluate';
import { compareGolden } from './golden-compare';

/** The repository's own copy of the golden cases (kept equal to the shared spec by golden-sync.spec.ts). */
const GOLDEN_DIR = path.resolve(__dirname, '../../golden');

interface GoldenCase {
  id: string;
  rule: string;
  input: unknown;
  expected: unknown;
  file: string;
}

function loadCases(): GoldenCase[] {
  const files = fs
    .readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.flatMap((file) => {
    const cases = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, file), 'utf8')) as GoldenCase[];
    return cases.map((c) => ({ ...c, file }));
  });
}

const cases = loadCases();

describe(`golden cases (${GOLDEN_DIR})`, () => {
  it('finds golden files with cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  test.each(cases.map((c) => [`${c.file} ${c.id} (${c.rule})`, c] as const))('%s', (_name, c) => {
    const [result] = evaluateCases([c]);
    expect(result.id).toBe(c.id);
    const mismatches = compareGolden(c.expected, result.output);
    if (mismatches.length > 0) {
      throw new Error(
        `${c.id}: ${mismatches.join('; ')}\noutput: ${JSON.stringify(result.output, (k, v) => (k === 'explanation' ? undefined : v))}`,
      );
    }
  });
});
