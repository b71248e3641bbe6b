import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import { ApiKeyEntity } from './entities/api-key.entity';

/** The `api_keys` table. */
@Injectable()
export class ApiKeysRepository extends BaseRepository {
  private get repo() {
    return this.db().getRepository(ApiKeyEntity);
  }

  create(row: Omit<ApiKeyEntity, 'id' | 'createdAt'>): Promise<ApiKeyEntity> {
    return this.repo.save(row);
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByPrefix(prefix: string): Promise<ApiKeyEntity | null> {
    return this.repo.findOneBy({ prefix });
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.repo.find({ order: { createdAt: 'ASC' } });
  }

  async revoke(id: string): Promise<void> {
    await this.repo.update({ id }, { revokedAt: new Date() });
  }

  async touch(id: string): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }
}
