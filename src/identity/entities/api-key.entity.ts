import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  /** Public, non-secret lookup part of the key. */
  @Column({ type: 'varchar', length: 16, unique: true }) prefix: string;
  /** SHA-256 of the whole key (keys are 256-bit random, so a fast hash is enough). */
  @Column({ name: 'key_hash', type: 'char', length: 64 }) keyHash: string;
  @Column({ type: 'text', array: true }) scopes: string[];
  @Column({ name: 'created_by', type: 'varchar', length: 40 }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
