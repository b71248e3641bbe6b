/** Writes `openapi.json` at the repository root from the app's own document (no database needed). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { offlineOpenApiDocument, serialiseDocument } from '../../src/openapi/offline-document';

export async function main(): Promise<void> {
  const file = join(__dirname, '..', '..', 'openapi.json');
  const doc = await offlineOpenApiDocument();
  writeFileSync(file, serialiseDocument(doc));
  const ops = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  process.stdout.write(`wrote ${file} (${ops} operations)\n`);
}
