import type IORedis from 'ioredis';
import type { Logger } from 'pino';
import { createRedis } from '../jobs/redis-connection';

const CHECK_EVERY_MS = 1000;
const PING_TIMEOUT_MS = 1000;

export interface RedisWatchdogOptions {
  url: string;
  /** WORKER_REDIS_GRACE_SECONDS; 0 never gives up. */
  graceSeconds: number;
  log: Logger;
  /** Called once when Redis has been unreachable for the whole grace period. */
  onGiveUp: () => void;
}

/**
 * A worker's liveness with respect to Redis. BullMQ reconnects forever (and waits for Redis before a
 * worker can even start), so a worker whose Redis is gone would sit idle without a sign. This pings
 * Redis every second from the moment the process starts: on the first failure the worker reports
 * itself unhealthy (one error line), on recovery healthy again (one info line), and once Redis has
 * been unreachable for the grace period it logs a fatal line and calls `onGiveUp` (the worker exits
 * non-zero so its supervisor restarts it). Exiting loses nothing: pending work waits in the outbox
 * and job handlers are idempotent.
 */
export class RedisWatchdog {
  private redis: IORedis | null = null;
  private timer: NodeJS.Timeout | null = null;
  private checking = false;
  private downSince: number | null = null;
  private lastError = '';
  private gaveUp = false;

  constructor(private readonly opts: RedisWatchdogOptions) {}

  get healthy(): boolean {
    return this.downSince === null;
  }

  start(): void {
    this.redis = createRedis(this.opts.url, 'health');
    this.redis.on('error', (err: Error) => {
      this.lastError = err.message;
    });
    this.downSince = null;
    this.timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.redis?.disconnect();
    this.timer = this.redis = null;
  }

  private async check(): Promise<void> {
    if (this.checking || !this.redis) return;
    this.checking = true;
    try {
      this.record(await this.ping(this.redis));
    } finally {
      this.checking = false;
    }
  }

  private async ping(redis: IORedis): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const pong = await Promise.race([
        redis.ping(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`));
          }, PING_TIMEOUT_MS);
        }),
      ]);
      // ioredis types PING's reply as 'PONG'; a proxy or a misconfigured server may still answer otherwise.
      const reply: string = pong;
      return reply === 'PONG';
    } catch (err) {
      this.lastError ||= (err as Error).message;
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private record(up: boolean): void {
    const now = Date.now();
    const { graceSeconds, log } = this.opts;
    if (up) {
      if (this.downSince !== null)
        log.info(
          { health: 'healthy', redis: 'up', downForSeconds: Math.round((now - this.downSince) / 1000) },
          'Redis reachable again: worker healthy',
        );
      this.downSince = null;
      this.lastError = '';
      return;
    }
    if (this.downSince === null) {
      this.downSince = now;
      log.error(
        { health: 'unhealthy', redis: 'down', err: this.lastError, graceSeconds },
        graceSeconds > 0
          ? `Redis unreachable: worker unhealthy; it exits if Redis stays unreachable for ${graceSeconds} s`
          : 'Redis unreachable: worker unhealthy (WORKER_REDIS_GRACE_SECONDS=0: it keeps retrying)',
      );
    }
    if (graceSeconds > 0 && !this.gaveUp && now - this.downSince >= graceSeconds * 1000) {
      this.gaveUp = true;
      log.fatal(
        {
          health: 'unhealthy',
          redis: 'down',
          err: this.lastError,
          downForSeconds: Math.round((now - this.downSince) / 1000),
        },
        'Redis unreachable for the whole grace period: worker exits so that its supervisor restarts it',
      );
      this.opts.onGiveUp();
    }
  }
}
