import * as fs from 'node:fs';
import * as path from 'node:path';
import { tsFiles } from '../../support/source-files';

const ROOT = path.resolve(__dirname, '../../../src/rules');

const FORBIDDEN: { name: string; re: RegExp; allow?: (file: string) => boolean }[] = [
  { name: 'NestJS import', re: /from\s+['"]@nestjs\// },
  { name: 'TypeORM import', re: /from\s+['"]typeorm['"]/ },
  { name: 'Redis / queue import', re: /from\s+['"](ioredis|bullmq)['"]/ },
  { name: 'process.env', re: /process\.env/ },
  { name: 'Date.now()', re: /Date\.now\s*\(/ },
  { name: 'new Date() without arguments', re: /new\s+Date\s*\(\s*\)/ },
  { name: 'parseFloat', re: /\bparseFloat\s*\(/ },
  { name: 'node fs import', re: /from\s+['"](node:)?fs['"]/ },
];

const ALLOWED_PACKAGES = /^decimal\.js$/;

describe('src/rules stays a pure library', () => {
  const all = tsFiles(ROOT);
  it('has source files to scan', () => {
    expect(all.length).toBeGreaterThan(20);
  });
  test.each(all.map((f) => [path.relative(ROOT, f), f]))(
    '%s has no framework imports, env access or clock',
    (_rel, file) => {
      const text = fs.readFileSync(file, 'utf8');
      const hits = FORBIDDEN.filter((f) => f.re.test(text) && !(f.allow?.(file) ?? false)).map((f) => f.name);
      expect(hits).toEqual([]);
      const packages = [...text.matchAll(/from\s+['"]([^'".][^'"]*)['"]/g)]
        .map((m) => m[1])
        .filter((p) => !ALLOWED_PACKAGES.test(p));
      expect(packages).toEqual([]);
    },
  );
});
