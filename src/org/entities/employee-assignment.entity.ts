import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An employee's position, golongan, unit and supervisor, valid over [validFrom, validTo). */
@Entity('employee_assignments')
export class EmployeeAssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'employee_id', type: 'uuid' }) employeeId: string;
  @Column({ name: 'valid_from', type: 'date' }) validFrom: string;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo: string | null;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'varchar', length: 6 }) golongan: string;
  @Column({ name: 'supervisor_id', type: 'uuid', nullable: true }) supervisorId: string | null;
  @Column({ name: 'position_title', type: 'varchar', length: 200 }) positionTitle: string;
  @Column({ name: 'position_kind', type: 'varchar', length: 16 }) positionKind: string;
  @Column({ type: 'varchar', length: 16, nullable: true }) jenjang: string | null;
  @Column({ name: 'kelas_jabatan', type: 'smallint' }) kelasJabatan: number;
  @Column({ name: 'is_unit_head', type: 'boolean', default: false }) isUnitHead: boolean;
  @Column({ type: 'date' }) tmt: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) reason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
