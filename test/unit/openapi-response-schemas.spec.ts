import { readFileSync } from 'node:fs';
import { generateResponseSchemas, SCHEMAS_FILE } from '../../scripts/openapi/generate-schemas';

/** The response schemas are generated from the TypeScript view types; a changed type without regeneration fails here. */
describe('OpenAPI response schemas', () => {
  it('src/openapi/response-schemas.json matches the TypeScript response types (run `npm run openapi:export`)', () => {
    const fresh = JSON.stringify(generateResponseSchemas(), null, 2) + '\n';
    expect(fresh === readFileSync(SCHEMAS_FILE, 'utf8') ? 'up to date' : 'stale: run npm run openapi:export').toBe(
      'up to date',
    );
  }, 120_000);
});
