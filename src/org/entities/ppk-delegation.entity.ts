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
  /** PLT: kelas jabatan and level of the acting post (TPP Plt add-on, spec 04 §5.3 step 2). */
  @Column({ name: 'acting_kelas_jabatan', type: 'smallint', nullable: true }) actingKelasJabatan: number | null;
  @Column({ name: 'acting_level', type: 'varchar', length: 6, nullable: true }) actingLevel: 'SAME' | 'HIGHER' | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
