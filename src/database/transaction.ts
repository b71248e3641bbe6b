import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The current transaction (or the pool outside one), carried by the async context. */
export type TxHost = TransactionHost<TransactionalAdapterTypeOrm>;
export { TransactionHost };
export { Transactional } from '@nestjs-cls/transactional';

/**
 * Base of the feature repositories: `db()` is the caller's transaction when one is open, else the pool
 * (transactions are implicit: no manager is passed around).
 */
@Injectable()
export abstract class BaseRepository {
  constructor(@Inject(TransactionHost) protected readonly txHost: TxHost) {}

  protected db(): EntityManager {
    return this.txHost.tx;
  }
}
