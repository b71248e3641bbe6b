import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The current transaction (or the pool outside one), carried by the async context. */
export type TxHost = TransactionHost<TransactionalAdapterTypeOrm>;
export { TransactionHost };
export { Transactional } from '@nestjs-cls/transactional';

/**
 * Base of the feature repositories: `db()` is the caller's transaction when one is open, else the pool.
 * The optional `manager` keeps call sites that still pass an EntityManager explicitly in their transaction.
 */
@Injectable()
export abstract class BaseRepository {
  constructor(@Inject(TransactionHost) protected readonly txHost: TxHost) {}

  protected db(manager?: EntityManager): EntityManager {
    return manager ?? this.txHost.tx;
  }
}

/** True for an EntityManager passed by a call site that still carries its transaction explicitly. */
export function isEntityManager(x: unknown): x is EntityManager {
  return typeof x === 'object' && x !== null && typeof (x as EntityManager).query === 'function' && 'connection' in x;
}

/** A host that only knows the pool: for code run outside Nest (benchmarks) that passes its managers itself. */
export function poolTxHost(dataSource: { manager: EntityManager }): TxHost {
  return {
    get tx() {
      return dataSource.manager;
    },
  } as unknown as TxHost;
}
