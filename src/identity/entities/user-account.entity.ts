import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AccountRole = 'ADMIN' | 'EMPLOYEE';

@Entity('user_accounts')
export class UserAccountEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'char', length: 18, unique: true }) nip: string;
  @Column({ name: 'password_hash', type: 'varchar', length: 200 }) passwordHash: string;
  @Column({ type: 'varchar', length: 10 }) role: AccountRole;
  @Column({ name: 'employee_id', type: 'uuid', nullable: true }) employeeId: string | null;
  @Column({ type: 'boolean', default: false }) disabled: boolean;
  /** Tokens of an older version are refused (bumped on disable, role change, new password). */
  @Column({ name: 'token_version', type: 'integer', default: 0 }) tokenVersion: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
