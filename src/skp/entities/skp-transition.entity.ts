import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One step of an SKP's workflow (create, submit, approve, reject) with who and why. */
@Entity('skp_transitions')
export class SkpTransitionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'skp_id', type: 'uuid' }) skpId: string;
  @Column({ name: 'from_status', type: 'varchar', length: 10, nullable: true }) fromStatus: string | null;
  @Column({ name: 'to_status', type: 'varchar', length: 10 }) toStatus: string;
  @Column({ type: 'varchar', length: 10 }) action: string;
  @Column({ type: 'varchar', length: 60 }) actor: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}
