// Four tiers: unit (no I/O), medium (services + repositories on the real PostgreSQL, no HTTP, no Redis),
// integration (real PostgreSQL, large data), e2e (HTTP + worker + Redis).
// NestJS 12 ships ESM; Node 20's jest runtime cannot require() ESM, so those packages are compiled
// to CommonJS by SWC like our own code (cached after the first run).
const swcrc = JSON.parse(require('fs').readFileSync(__dirname + '/.swcrc', 'utf8'));
const swc = ['@swc/jest', swcrc];
const fs = require('fs');
const path = require('path');
/** Every installed package that declares "type": "module" (found once per run, cheap). */
function esmPackageNames(dir = path.join(__dirname, 'node_modules'), out = new Set()) {
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (name.startsWith('@')) {
      esmPackageNames(full, out);
      continue;
    }
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(full, 'package.json'), 'utf8'));
      if (pkg.type === 'module') out.add(pkg.name);
    } catch {
      /* not a package */
    }
    const nested = path.join(full, 'node_modules');
    if (fs.existsSync(nested)) esmPackageNames(nested, out);
  }
  return out;
}
const esmPackages = [...esmPackageNames()].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const common = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  // file-type exports only `import`/`module-sync` conditions, which jest's CommonJS resolver does not match.
  moduleNameMapper: { '^file-type$': '<rootDir>/node_modules/file-type/index.js' },
  testEnvironment: 'node',
};
module.exports = {
  // Global (jest ignores it per project): database tiers close real workers, which wait for active jobs.
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.spec.ts', '<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'medium',
      testMatch: ['<rootDir>/test/medium/**/*.medium-spec.ts'],
      setupFiles: ['<rootDir>/test/support/test-db-guard.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.spec.ts'],
      setupFiles: ['<rootDir>/test/support/test-db-guard.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'],
      setupFiles: ['<rootDir>/test/support/test-db-guard.ts'],
    },
  ],
};
