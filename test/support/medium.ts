import type { DynamicModule, ForwardReference, Provider, Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AuthzModule } from '../../src/authz/authz.module';
import { Clock } from '../../src/common/clock';
import { CommonModule } from '../../src/common/common.module';
import { AppConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import { runMigrations } from '../../src/database/migrate';
import { TransactionHost, type TxHost } from '../../src/database/transaction';
import { QueuesService } from '../../src/jobs/queues.service';

/** A job a service put on a queue directly (the outbox is the usual way; it needs no queue). */
export interface RecordedJob {
  queue: string;
  name: string;
  data: unknown;
  opts?: unknown;
}

/** Stands in for QueuesService in the medium tier: no Redis, every add is recorded. */
export class RecordingQueues {
  readonly prefix = 'medium';
  readonly jobs: RecordedJob[] = [];
  queue(name: string) {
    const jobs = this.jobs;
    return {
      name,
      add: async (jobName: string, data: unknown, opts?: unknown) => {
        jobs.push({ queue: name, name: jobName, data, opts });
        return { id: String(jobs.length), name: jobName, data };
      },
      addBulk: async (list: { name: string; data: unknown; opts?: unknown }[]) => {
        for (const j of list) jobs.push({ queue: name, name: j.name, data: j.data, opts: j.opts });
        return list;
      },
    };
  }
  all() {
    return [];
  }
}

export interface MediumModule {
  module: TestingModule;
  dataSource: DataSource;
  txHost: TxHost;
  clock: Clock;
  queues: RecordingQueues;
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

type Import = Type | DynamicModule | Promise<DynamicModule> | ForwardReference;

/**
 * The medium tier: a feature's services with their real repositories on the real PostgreSQL of the
 * run (migrated), in one Nest testing module — no HTTP, no Redis, no worker. The shared infrastructure
 * (config, database and the implicit transaction, clock, audit, outbox, org directory and access
 * policy) is there; the test imports the feature module(s) it exercises or lists providers.
 */
export async function createMediumModule(
  meta: { imports?: Import[]; providers?: Provider[] } = {},
): Promise<MediumModule> {
  await runMigrations(process.env.DATABASE_URL!);
  const queues = new RecordingQueues();
  const module = await Test.createTestingModule({
    imports: [AppConfigModule, DatabaseModule, CommonModule, AuthzModule, ...(meta.imports ?? [])],
    providers: meta.providers ?? [],
  })
    .overrideProvider(QueuesService)
    .useValue(queues)
    .compile();
  module.useLogger(false);
  await module.init();
  const clock = module.get(Clock);
  return {
    module,
    dataSource: module.get(DataSource),
    txHost: module.get<TxHost>(TransactionHost),
    clock,
    queues,
    get: <T>(type: Type<T>) => module.get(type, { strict: false }),
    async close() {
      clock.reset();
      await module.close();
    },
  };
}
