#!/usr/bin/env node
// Regenerates src/api/schema.d.ts from the API's OpenAPI document: the repository's openapi.json
// (`npm run openapi:export` at the root) or, with SKP_API_URL set, the running API's /api/docs-json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
let source = join(web, '..', 'openapi.json');
if (process.env.SKP_API_URL) {
  const res = await fetch(`${process.env.SKP_API_URL}/api/docs-json`);
  if (!res.ok) throw new Error(`GET /api/docs-json: ${res.status}`);
  source = join(mkdtempSync(join(tmpdir(), 'skp-openapi-')), 'openapi.json');
  writeFileSync(source, await res.text());
}
const out = process.argv[2] ?? join(web, 'src/api/schema.d.ts');
execFileSync(join(web, 'node_modules/.bin/openapi-typescript'), [source, '-o', out], { stdio: 'inherit' });
