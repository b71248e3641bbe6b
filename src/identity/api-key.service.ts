import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/domain-errors';
import { TransactionHost, type TxHost } from '../database/transaction';
import { AccountStateCache } from './account-state';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeyEntity } from './entities/api-key.entity';
import { ApiKeyScope, Principal } from './principal';

const LAST_USED_EVERY_MS = 60_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Keys look like `skp_<prefix>_<secret>`; only the SHA-256 of the whole key is stored. */
@Injectable()
export class ApiKeyService {
  private readonly cache = new Map<string, { entity: ApiKeyEntity; at: number }>();
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly keys: ApiKeysRepository,
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly audit: AuditService,
    private readonly identity: AccountStateCache,
  ) {
    this.identity.onChange((c) => {
      if (c.kind === 'apiKey') this.cache.clear();
    });
  }

  async create(
    name: string,
    scopes: ApiKeyScope[],
    createdBy: string,
  ): Promise<{ id: string; key: string; name: string; scopes: ApiKeyScope[] }> {
    const prefix = randomBytes(6).toString('hex');
    const key = `skp_${prefix}_${randomBytes(32).toString('base64url')}`;
    return this.txHost.withTransaction(async () => {
      const entity = await this.keys.create({
        name,
        prefix,
        keyHash: sha256(key),
        scopes,
        createdBy,
        lastUsedAt: null,
        revokedAt: null,
      });
      await this.audit.record({
        action: 'api-key.create',
        entityType: 'ApiKey',
        entityId: entity.id,
        after: { name, scopes, prefix },
      });
      return { id: entity.id, key, name, scopes };
    });
  }

  async revoke(id: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const entity = await this.keys.findById(id);
      if (!entity || entity.revokedAt) throw new NotFoundError('API key');
      await this.keys.revoke(id);
      await this.audit.record({
        action: 'api-key.revoke',
        entityType: 'ApiKey',
        entityId: id,
        before: { revokedAt: null },
      });
    });
    await this.identity.changed({ kind: 'apiKey', id });
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.list();
  }

  /** Records lastUsedAt at most once a minute per key and process (a write per request would be a hot row). */
  private touch(id: string): void {
    const now = Date.now();
    if (now - (this.touched.get(id) ?? 0) < LAST_USED_EVERY_MS) return;
    this.touched.set(id, now);
    void this.keys.touch(id).catch(() => this.touched.delete(id));
  }

  /** Resolves a presented key; a short cache keeps the hot path off the database. */
  async authenticate(presented: string): Promise<Principal | null> {
    const match = /^skp_([0-9a-f]{12})_[A-Za-z0-9_-]{20,}$/.exec(presented);
    if (!match) return null;
    const prefix = match[1];
    let hit = this.cache.get(prefix);
    if (!hit || Date.now() - hit.at > 5000) {
      const entity = await this.keys.findByPrefix(prefix);
      if (!entity) return null;
      hit = { entity, at: Date.now() };
      this.cache.set(prefix, hit);
    }
    const { entity } = hit;
    if (entity.revokedAt) return null;
    const a = Buffer.from(entity.keyHash, 'hex');
    const b = Buffer.from(sha256(presented), 'hex');
    if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
    this.touch(entity.id);
    return { kind: 'apiKey', keyId: entity.id, name: entity.name, scopes: entity.scopes as ApiKeyScope[] };
  }
}
