import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedis } from '../jobs/redis-connection';

@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly redis: IORedis;

  constructor(
    config: AppConfig,
    private readonly indicator: HealthIndicatorService,
  ) {
    this.redis = createRedis(config.get('REDIS_URL'), 'health');
    this.redis.on('error', () => undefined);
  }

  async check(key = 'redis') {
    const session = this.indicator.check(key);
    try {
      const pong = await Promise.race([
        this.redis.ping(),
        new Promise<never>((_, reject) => {
          setTimeout(() => {
            reject(new Error('timeout'));
          }, 1000);
        }),
      ]);
      // ioredis types PING's reply as 'PONG'; a proxy or a misconfigured server may still answer otherwise.
      const reply: string = pong;
      return reply === 'PONG' ? session.up() : session.down({ message: reply });
    } catch (err) {
      return session.down({ message: (err as Error).message });
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
