import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { refresh } from '../../../scripts/architecture/render';

describe('docs/architecture.md', () => {
  it('shows the table ownership and the event → job map the code has (npm run docs:architecture)', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/architecture.md'), 'utf8');
    expect(doc).toBe(refresh(doc));
  });
});
