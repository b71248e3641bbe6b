#!/usr/bin/env node
// Tiny Redis helper used by the scripts: ping <url> | purge <url> <prefix> (deletes <prefix>:* keys).
const IORedis = require('ioredis');

async function main() {
  const [cmd, url, prefix] = process.argv.slice(2);
  const redis = new IORedis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    connectTimeout: 2000,
  });
  redis.on('error', () => undefined);
  await redis.connect();
  try {
    if (cmd === 'ping') {
      await redis.ping();
      return;
    }
    if (cmd === 'purge') {
      if (!prefix || prefix.length < 4) throw new Error('refusing to purge without a specific prefix');
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
