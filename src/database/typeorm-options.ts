import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { PreparingClient } from './prepared-client';

/** The one place that knows how TypeORM reaches PostgreSQL. Schema changes happen only by migrations. */
export function typeormOptions(databaseUrl: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [join(__dirname, '..', '**', '*.entity.{js,ts}')],
    migrations: [join(__dirname, 'migrations', '*.{js,ts}')],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: 20, application_name: 'skp-engine', Client: PreparingClient },
    ...extra,
  } as DataSourceOptions;
}
