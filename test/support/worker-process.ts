import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const WORKER = join(__dirname, '..', '..', 'dist', 'worker.js');

/** The real worker as a separate OS process (built code), for fault tests that kill it. */
export function startWorkerProcess(env: Record<string, string> = {}): ChildProcess {
  if (!existsSync(WORKER))
    throw new Error(`${WORKER} is missing: build first (npx tsc -p tsconfig.build.json; scripts/test does)`);
  const child = spawn(process.execPath, [WORKER], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: 'ignore',
  });
  return child;
}

export function stopWorkerProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
