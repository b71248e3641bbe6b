#!/usr/bin/env node
// Tiny PostgreSQL admin helper used by the scripts: ping | create | drop <database-url>.
const { Client } = require('pg');

async function main() {
  const [cmd, url] = process.argv.slice(2);
  const target = new URL(url);
  const db = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    if (cmd === 'ping') return;
    if (!/^[a-z0-9_]+$/.test(db)) throw new Error(`refusing database name ${db}`);
    const exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [db])).rowCount > 0;
    if (cmd === 'create' && !exists) await client.query(`CREATE DATABASE ${db}`);
    if (cmd === 'drop' && exists) await client.query(`DROP DATABASE ${db} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
