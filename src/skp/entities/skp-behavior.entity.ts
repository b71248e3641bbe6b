import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A BerAKHLAK core value on the SKP with the leader's optional ekspektasi khusus. */
@Entity('skp_behaviors')
export class SkpBehaviorEntity {
  @PrimaryColumn({ name: 'skp_id', type: 'uuid' }) skpId: string;
  @PrimaryColumn({ name: 'core_value', type: 'varchar', length: 24 }) coreValue: string;
  @Column({ name: 'special_expectation', type: 'text', nullable: true }) specialExpectation: string | null;
}
