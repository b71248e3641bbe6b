import { DataSource } from 'typeorm';
import { typeormOptions } from './typeorm-options';

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so the API, the worker and the CLI
 * can all call it at start without racing. Returns the names of migrations applied.
 */
export async function runMigrations(databaseUrl: string, direction: 'up' | 'down' = 'up'): Promise<string[]> {
  const ds = new DataSource({ ...typeormOptions(databaseUrl), extra: { max: 2 } });
  await ds.initialize();
  try {
    await ds.query(`SELECT pg_advisory_lock(hashtext('skp-engine-migrations'))`);
    if (direction === 'down') {
      await ds.undoLastMigration({ transaction: 'each' });
      return ['reverted one'];
    }
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.query(`SELECT pg_advisory_unlock(hashtext('skp-engine-migrations'))`).catch(() => undefined);
    await ds.destroy();
  }
}
