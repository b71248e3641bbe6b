import { Client } from 'pg';

export interface PrivateDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database of its own beside the run's test database (`<test db>_<tag>`), for fault tests
 * whose timing must not depend on what other test files left behind: outbox rows written without a
 * worker stay pending in the shared database, and a relay started there dispatches that whole backlog
 * (oldest first) before the test's own rows. The app or worker migrates it at start.
 */
export async function createPrivateDatabase(tag: string): Promise<PrivateDatabase> {
  const url = new URL(process.env.DATABASE_URL!);
  const name = `${decodeURIComponent(url.pathname.slice(1))}_${tag}`;
  if (!/^[a-z0-9_]+$/.test(name) || !/(^|_)test(_|$)/.test(name)) throw new Error(`refusing database name ${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const c = new Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(`CREATE DATABASE ${name}`);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
