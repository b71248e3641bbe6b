import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity fields the PAK form asks for that the NIP does not carry (PerBKN 3/2023 Lampiran II):
 * tempat lahir, Nomor Seri KARPEG, TMT pangkat. Birth date and gender come from the NIP.
 */
export class EmployeeDocumentIdentity1766600000001 implements MigrationInterface {
  name = 'EmployeeDocumentIdentity1766600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE employees ADD COLUMN birth_place varchar(100), ADD COLUMN karpeg_number varchar(30), ADD COLUMN tmt_pangkat date`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE employees DROP COLUMN birth_place, DROP COLUMN karpeg_number, DROP COLUMN tmt_pangkat`);
  }
}
