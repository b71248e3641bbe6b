import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * One employee's SKP for [periodStart, periodEnd] of a year (spec 04 §1): DEFINITIVE, or ACTING for a Plt
 * (with its delegation). Snapshots keep who/where the employee and the PPK were at creation and approval.
 */
@Entity('skp')
export class SkpEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'employee_id', type: 'uuid' }) employeeId: string;
  @Column({ type: 'smallint' }) year: number;
  @Column({ name: 'period_start', type: 'date' }) periodStart: string;
  @Column({ name: 'period_end', type: 'date' }) periodEnd: string;
  @Column({ type: 'varchar', length: 10, default: 'DEFINITIVE' }) kind: string;
  @Column({ name: 'delegation_id', type: 'uuid', nullable: true }) delegationId: string | null;
  @Column({ name: 'previous_skp_id', type: 'uuid', nullable: true }) previousSkpId: string | null;
  @Column({ name: 'closed_event', type: 'varchar', length: 24, nullable: true }) closedEvent: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'varchar', length: 12 }) approach: string;
  @Column({ name: 'form_type', type: 'varchar', length: 6 }) formType: string;
  @Column({ type: 'varchar', length: 10 }) status: string;
  @Column({ type: 'jsonb', default: {} }) lampiran: {
    resources?: string[];
    accountabilityScheme?: string[];
    consequences?: string[];
  };
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason: string | null;
  @Column({ name: 'created_snapshot', type: 'jsonb' }) createdSnapshot: unknown;
  @Column({ name: 'approved_snapshot', type: 'jsonb', nullable: true }) approvedSnapshot: unknown;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy: string | null;
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
