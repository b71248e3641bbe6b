import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { AccountsRepository, type AccountState } from './accounts.repository';

/** How long a process may trust its copy when no invalidation reached it (Redis down). */
const TTL_MS = 15_000;

/**
 * What each request's token is checked against: the account's current role, disabled flag and
 * token version. Cached per process; a change (disable, role, password, API key revocation) is
 * dropped from this process's cache at once and announced on Redis to the other API processes.
 */
@Injectable()
export class AccountStateCache implements OnModuleDestroy {
  private readonly logger = new Logger(AccountStateCache.name);
  private readonly cache = new Map<string, { state: AccountState | null; at: number }>();
  private readonly listeners: ((msg: IdentityChange) => void)[] = [];
  private pub: IORedis | null = null;
  private sub: IORedis | null = null;

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly config: AppConfig,
  ) {}

  private get channel(): string {
    return `${this.config.get('QUEUE_PREFIX')}:identity-changed`;
  }

  async get(accountId: string): Promise<AccountState | null> {
    this.subscribe();
    const hit = this.cache.get(accountId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.state;
    const state = await this.accounts.state(accountId);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(accountId, { state, at: Date.now() });
    return state;
  }

  /** Call after the change has committed. */
  async changed(change: IdentityChange): Promise<void> {
    this.apply(change);
    try {
      this.pub ??= this.connect('skp-identity-pub');
      await this.pub.publish(this.channel, JSON.stringify(change));
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message },
        'identity change not announced; other processes see it within the cache TTL',
      );
    }
  }

  onChange(listener: (msg: IdentityChange) => void): void {
    this.listeners.push(listener);
  }

  onModuleDestroy(): void {
    this.pub?.disconnect();
    this.sub?.disconnect();
    this.pub = this.sub = null;
  }

  private apply(change: IdentityChange): void {
    if (change.kind === 'account') this.cache.delete(change.id);
    for (const l of this.listeners) l(change);
  }

  // Only processes that authenticate requests subscribe (the worker and CLI never call get()).
  private subscribe(): void {
    if (this.sub) return;
    this.sub = this.connect('skp-identity-sub');
    this.sub.on('message', (_channel: string, raw: string) => {
      try {
        this.apply(JSON.parse(raw) as IdentityChange);
      } catch {
        /* not ours */
      }
    });
    void this.sub.subscribe(this.channel).catch(() => undefined);
  }

  private connect(name: string): IORedis {
    const r = new IORedis(this.config.get('REDIS_URL'), {
      connectionName: name,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
    r.on('error', () => undefined); // the health check reports Redis; the TTL bounds staleness meanwhile
    return r;
  }
}

export type IdentityChange = { kind: 'account'; id: string } | { kind: 'apiKey'; id: string };
