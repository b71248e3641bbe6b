import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The repository keeps its own copy of the specification's golden cases (test/golden), so a clone
 * without the shared spec folder still tests every rule. When the shared folder is present beside
 * the clone, each file in both must be identical, and a shared file not yet copied must be listed
 * below: it arrives with the work that implements its rules.
 */
const REPO_DIR = path.resolve(__dirname, '../../golden');
const SHARED_DIR = path.resolve(__dirname, '../../../../shared/spec/golden');
const NOT_YET_COPIED: string[] = [];

const jsonFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

describe('golden cases: repository copy', () => {
  it('holds the golden files', () => {
    expect(jsonFiles(REPO_DIR)).toEqual(
      expect.arrayContaining([
        'allowance.json',
        'angka-kredit.json',
        'discipline.json',
        'distribution.json',
        'periods-proration.json',
        'predikat.json',
        'siasn.json',
      ]),
    );
  });

  it('lists no pending file that is already copied', () => {
    expect(NOT_YET_COPIED.filter((f) => fs.existsSync(path.join(REPO_DIR, f)))).toEqual([]);
  });
});

// Only where the shared spec folder exists (a developer's workspace, CI); a plain clone has none.
if (fs.existsSync(SHARED_DIR))
  describe(`golden cases: equal to the shared spec (${SHARED_DIR})`, () => {
    const shared = jsonFiles(SHARED_DIR);
    const inBoth = shared.filter((f) => fs.existsSync(path.join(REPO_DIR, f)));

    it.each(inBoth)('%s is identical in both', (file) => {
      const ours = JSON.parse(fs.readFileSync(path.join(REPO_DIR, file), 'utf8'));
      const theirs = JSON.parse(fs.readFileSync(path.join(SHARED_DIR, file), 'utf8'));
      expect(ours).toEqual(theirs);
    });

    it('names every shared file not yet copied', () => {
      const missing = shared.filter((f) => !inBoth.includes(f));
      expect(missing).toEqual(NOT_YET_COPIED.filter((f) => shared.includes(f)));
    });
  });
