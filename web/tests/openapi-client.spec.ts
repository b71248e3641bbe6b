import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The console's client is generated from the API's OpenAPI document; a stale schema.d.ts fails here
// (fix: `npm run openapi:types` in web/ after `npm run openapi:export`, or with SKP_API_URL set).
test('the generated API client matches the running API’s OpenAPI document', async ({ request }) => {
  const res = await request.get('/api/docs-json');
  expect(res.status()).toBe(200);
  const dir = mkdtempSync(join(tmpdir(), 'skp-openapi-'));
  writeFileSync(join(dir, 'openapi.json'), await res.text());
  const web = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(
    join(web, 'node_modules/.bin/openapi-typescript'),
    [join(dir, 'openapi.json'), '-o', join(dir, 'schema.d.ts')],
    { stdio: 'ignore' },
  );
  const fresh = readFileSync(join(dir, 'schema.d.ts'), 'utf8');
  const committed = readFileSync(join(web, 'src/api/schema.d.ts'), 'utf8');
  expect(committed === fresh, 'web/src/api/schema.d.ts is stale: run `npm run openapi:types` in web/').toBe(true);
});
