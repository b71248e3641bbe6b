// Minimal TypeScript runner for benchmarks: compiles .ts files on require with SWC (same settings as the tests).
// Usage: node bench/ts-runner.js bench/<name>.bench.ts
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const { $schema: _schema, ...swcrc } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.swcrc'), 'utf8'));
require.extensions['.ts'] = function compileTs(module, filename) {
  const out = transformSync(fs.readFileSync(filename, 'utf8'), {
    ...swcrc,
    filename,
    sourceMaps: 'inline',
    swcrc: false,
  });
  module._compile(out.code, filename);
};
require('reflect-metadata');
const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node bench/ts-runner.js <file.ts>\n');
  process.exit(2);
}
Promise.resolve(require(path.resolve(entry)).main?.()).catch((err) => {
  process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
