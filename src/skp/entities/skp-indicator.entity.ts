import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An Indikator Kinerja Individu (IKI) of a result: aspect (JA/JF) or perspective (JPT), target. */
@Entity('skp_indicators')
export class SkpIndicatorEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'result_id', type: 'uuid' }) resultId: string;
  @Column({ type: 'smallint' }) position: number;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'varchar', length: 10, nullable: true }) aspect: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) perspective: string | null;
  @Column({ type: 'text', nullable: true }) target: string | null;
}
