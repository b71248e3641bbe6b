import { Injectable, OnModuleDestroy } from '@nestjs/common';
import IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';

interface Limit {
  limiter: RateLimiterRedis;
  key: (nip: string, address: string) => string;
  /** Whether a successful login clears this key (per account+address) or only gives its point back. */
  clearOnSuccess: boolean;
}

export class TooManyAttempts extends TooManyRequestsError {
  constructor(retryAfterSeconds: number) {
    super('Terlalu banyak percobaan masuk, coba lagi nanti / too many attempts, try again later', retryAfterSeconds);
  }
}

/**
 * The one throttle in front of every password check (login, queue-board Basic auth, password
 * change). Three counters in Redis, so they hold across API processes: per account and client
 * address, per account from all addresses (distributed guessing), and per address across accounts
 * (spraying). An attempt consumes a point on each before the password is verified (so a parallel
 * burst cannot slip through); a success clears the account+address counter and gives the other two
 * their point back, so an office behind one NAT address is not locked out by its own good logins.
 * If Redis is unreachable, an in-process limiter of the same size takes over.
 */
@Injectable()
export class LoginThrottle implements OnModuleDestroy {
  private redis: IORedis | null = null;
  private limits: Limit[] | null = null;

  constructor(private readonly config: AppConfig) {}

  /** Counts an attempt; throws 429 (with the seconds to wait) when any counter is exhausted. */
  async attempt(nip: string, address: string): Promise<void> {
    const results = await Promise.allSettled(this.all().map((l) => l.limiter.consume(l.key(nip, address))));
    const waits = results.flatMap((r) =>
      r.status === 'rejected' && r.reason instanceof RateLimiterRes ? [r.reason.msBeforeNext] : [],
    );
    const failed = results.find((r) => r.status === 'rejected' && !(r.reason instanceof RateLimiterRes));
    if (failed) throw (failed as PromiseRejectedResult).reason;
    if (waits.length) throw new TooManyAttempts(Math.max(1, Math.ceil(Math.max(...waits) / 1000)));
  }

  async succeeded(nip: string, address: string): Promise<void> {
    await Promise.allSettled(
      this.all().map((l) =>
        l.clearOnSuccess ? l.limiter.delete(l.key(nip, address)) : l.limiter.reward(l.key(nip, address), 1),
      ),
    );
  }

  /** Test and operator hook: forget every counter of this process's prefix. */
  async resetAll(): Promise<void> {
    const redis = this.client();
    const prefix = `${this.config.get('QUEUE_PREFIX')}:login:`;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    this.limits = null;
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
    this.redis = null;
  }

  // Created on first use: the worker and the CLI share this module but never check passwords.
  private client(): IORedis {
    if (!this.redis) {
      this.redis = new IORedis(this.config.get('REDIS_URL'), {
        connectionName: 'skp-login-throttle',
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
      });
      this.redis.on('error', () => undefined); // reported by the health check; the in-memory limiter covers the gap
    }
    return this.redis;
  }

  private all(): Limit[] {
    if (this.limits) return this.limits;
    const duration = Math.ceil(this.config.get('LOGIN_RATE_WINDOW_MS') / 1000);
    const make = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: this.client(),
        keyPrefix: `${this.config.get('QUEUE_PREFIX')}:login:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `login-${name}`, points, duration }),
      });
    this.limits = [
      {
        limiter: make('pair', this.config.get('LOGIN_RATE_LIMIT')),
        key: (nip, addr) => `${addr}|${nip}`,
        clearOnSuccess: true,
      },
      {
        limiter: make('account', this.config.get('LOGIN_ACCOUNT_RATE_LIMIT')),
        key: (nip) => nip,
        clearOnSuccess: false,
      },
      {
        limiter: make('address', this.config.get('LOGIN_ADDRESS_RATE_LIMIT')),
        key: (_nip, addr) => addr,
        clearOnSuccess: false,
      },
    ];
    return this.limits;
  }
}
