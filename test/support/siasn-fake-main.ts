/**
 * `npm run siasn:fake`: the fake SIASN on a local port for demos (spec 04 §8). Prints the environment
 * that points the engine at it. SIASN_FAKE_PORT (default 8243); SIASN_FAKE_PEOPLE=nip:pnsId,… seeds people.
 */
import { startFakeSiasn } from './siasn-fake';

async function main() {
  const fake = await startFakeSiasn(Number(process.env.SIASN_FAKE_PORT ?? 8243));
  for (const pair of (process.env.SIASN_FAKE_PEOPLE ?? '').split(',').filter(Boolean)) {
    const [nip, pnsId] = pair.split(':');
    fake.store.addPerson(nip, pnsId ?? `PNS-${nip}`);
  }
  const env = { SIASN_ENABLED: 'true', SIASN_ALLOWED_HOSTS: '127.0.0.1', ...fake.env() };
  process.stdout.write(`Fake SIASN on ${fake.url}. Start the engine with:\n`);
  for (const [k, v] of Object.entries(env)) process.stdout.write(`  export ${k}=${v}\n`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => process.stdout.write(`requests so far: ${fake.requests.length}\n`), 60_000).unref();
}

void main();
