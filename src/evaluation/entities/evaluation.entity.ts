import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * One evaluation per SKP × period (spec 01 §3.5). Shared contract: the angka kredit and allowance
 * jobs read `evaluations` (period, period_kind, from/to month, status, ratings, predicate, revision).
 */
@Entity('evaluations')
export class EvaluationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'skp_id', type: 'uuid' }) skpId: string;
  @Column({ name: 'employee_id', type: 'uuid' }) employeeId: string;
  @Column({ type: 'varchar', length: 7 }) period: string;
  @Column({ name: 'period_kind', type: 'varchar', length: 10 }) periodKind: string;
  @Column({ name: 'from_month', type: 'varchar', length: 7 }) fromMonth: string;
  @Column({ name: 'to_month', type: 'varchar', length: 7 }) toMonth: string;
  /** The unit whose distribution this evaluation counts in (the employee's unit; a unit head's parent unit). */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId: string | null;
  @Column({ name: 'is_unit_head', type: 'boolean', default: false }) isUnitHead: boolean;
  @Column({ name: 'ppk_id', type: 'uuid', nullable: true }) ppkId: string | null;
  @Column({ name: 'ref_date', type: 'date', nullable: true }) refDate: string | null;
  @Column({ type: 'varchar', length: 10 }) status: string;
  @Column({ name: 'result_rating', type: 'varchar', length: 20, nullable: true }) resultRating: string | null;
  @Column({ name: 'behavior_rating', type: 'varchar', length: 20, nullable: true }) behaviorRating: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) predicate: string | null;
  @Column({ type: 'jsonb', nullable: true }) explanation: unknown;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true }) ratedAt: Date | null;
  @Column({ name: 'rated_by', type: 'uuid', nullable: true }) ratedBy: string | null;
  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true }) issuedAt: Date | null;
  @Column({ name: 'objection_deadline', type: 'timestamptz', nullable: true }) objectionDeadline: Date | null;
  @Column({ name: 'distribution_justification', type: 'text', nullable: true }) distributionJustification:
    string | null;
  @Column({ name: 'distribution_report', type: 'jsonb', nullable: true }) distributionReport: unknown;
  /** Set instead of `distributionReport` by the year-end batch: the unit's report, stored once per unit and batch. */
  @Column({ name: 'distribution_report_id', type: 'uuid', nullable: true }) distributionReportId: string | null;
  @Column({ name: 'objection_reason', type: 'text', nullable: true }) objectionReason: string | null;
  @Column({ name: 'objected_at', type: 'timestamptz', nullable: true }) objectedAt: Date | null;
  @Column({ name: 'ppk_explanation', type: 'text', nullable: true }) ppkExplanation: string | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decision_distribution_report', type: 'jsonb', nullable: true }) decisionDistributionReport: unknown;
  @Column({ name: 'original_result_rating', type: 'varchar', length: 20, nullable: true }) originalResultRating:
    string | null;
  @Column({ name: 'original_behavior_rating', type: 'varchar', length: 20, nullable: true }) originalBehaviorRating:
    string | null;
  @Column({ name: 'original_predicate', type: 'varchar', length: 16, nullable: true }) originalPredicate: string | null;
  @Column({ type: 'jsonb', nullable: true }) snapshot: unknown;
  @Column({ name: 'finalized_at', type: 'timestamptz', nullable: true }) finalizedAt: Date | null;
  @Column({ name: 'finalized_by', type: 'varchar', length: 20, nullable: true }) finalizedBy: string | null;
  /** 0 for the first FINAL; each ADMIN correction adds 1 (EvaluationFinalized carries it). */
  @Column({ type: 'integer', default: 0 }) revision: number;
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
