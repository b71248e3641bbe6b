import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Acting official (Plt/Plh) or explicit delegation: overrides the structural PPK between two dates. */
@Entity('ppk_delegations')
export class PpkDelegationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'employee_id', type: 'uuid' }) employeeId: string;
  @Column({ name: 'ppk_id', type: 'uuid' }) ppkId: string;
  @Column({ type: 'varchar', length: 10 }) kind: 'PLT' | 'PLH' | 'DELEGASI';
  @Column({ name: 'valid_from', type: 'date' }) validFrom: string;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) reason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
