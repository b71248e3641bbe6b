import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ type: 'varchar', length: 60 }) actor: string;
  @Column({ name: 'actor_kind', type: 'varchar', length: 10 }) actorKind: string;
  @Column({ type: 'varchar', length: 60 }) action: string;
  @Column({ name: 'entity_type', type: 'varchar', length: 40 }) entityType: string;
  @Column({ name: 'entity_id', type: 'varchar', length: 80 }) entityId: string;
  @Column({ type: 'jsonb', nullable: true }) before: unknown;
  @Column({ type: 'jsonb', nullable: true }) after: unknown;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'correlation_id', type: 'varchar', length: 80 }) correlationId: string;
}
