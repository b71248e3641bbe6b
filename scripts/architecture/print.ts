/**
 * Prints the generated parts of docs/architecture.md (table ownership, event → job map);
 * `--write` refreshes them in place. A unit test fails when the document and the code disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { refresh, renderEventJobs, renderOwnership } from './render';

const file = join(__dirname, '../../docs/architecture.md');
if (process.argv.includes('--write')) writeFileSync(file, refresh(readFileSync(file, 'utf8')));
else process.stdout.write(`${renderOwnership()}\n\n${renderEventJobs()}\n`);
