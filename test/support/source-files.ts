import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every `.ts` file below `dir`, recursively (the architecture tests read the sources as text). */
export function tsFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory() ? tsFiles(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : [],
    );
}
