import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A Rencana Hasil Kerja (RHK), UTAMA or TAMBAHAN; `parentResultId` = the leader's RHK it intervenes. */
@Entity('skp_results')
export class SkpResultEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'skp_id', type: 'uuid' }) skpId: string;
  @Column({ type: 'smallint' }) position: number;
  @Column({ type: 'varchar', length: 8 }) kind: string;
  @Column({ type: 'text' }) text: string;
  @Column({ name: 'parent_result_id', type: 'uuid', nullable: true }) parentResultId: string | null;
}
