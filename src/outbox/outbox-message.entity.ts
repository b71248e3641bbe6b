import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('outbox')
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'event_type', type: 'varchar', length: 60 }) eventType: string;
  @Column({ name: 'aggregate_type', type: 'varchar', length: 40 }) aggregateType: string;
  @Column({ name: 'aggregate_id', type: 'varchar', length: 80 }) aggregateId: string;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true }) dedupeKey: string | null;
  @Column({ name: 'correlation_id', type: 'varchar', length: 80 }) correlationId: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt: Date | null;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
}
