// Three tiers: unit (no I/O), integration (real PostgreSQL), e2e (HTTP + worker + Redis).
const swc = ['@swc/jest', JSON.parse(require('fs').readFileSync(__dirname + '/.swcrc', 'utf8'))];
const common = { transform: { '^.+\\.ts$': swc }, moduleFileExtensions: ['ts', 'js', 'json'], testEnvironment: 'node' };
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.spec.ts', '<rootDir>/src/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.spec.ts'], setupFiles: ['<rootDir>/test/support/test-db-guard.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'], setupFiles: ['<rootDir>/test/support/test-db-guard.ts'] },
  ],
};
