import { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `'MUTASI','PROMOSI','DEMOSI','PPK_CHANGE','PLT_START','PLT_END','PENSIUN','BERHENTI','MENINGGAL','CLTN','TUGAS_BELAJAR','CPNS_START'`;

/**
 * PNS_START (pengangkatan CPNS menjadi PNS) as an employee event: the CPNS status that CPNS_START opens
 * (80 % TPP in R-TPP-DEMO, spec 04 §5.1) ends on its date; the SKP does not split (04 §1.2).
 */
export class EmployeeEventPnsStart1767820000000 implements MigrationInterface {
  name = 'EmployeeEventPnsStart1767820000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE employee_events DROP CONSTRAINT employee_events_type_check`);
    await q.query(
      `ALTER TABLE employee_events ADD CONSTRAINT employee_events_type_check CHECK (type IN (${BEFORE},'PNS_START'))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM employee_events WHERE type = 'PNS_START'`);
    await q.query(`ALTER TABLE employee_events DROP CONSTRAINT employee_events_type_check`);
    await q.query(`ALTER TABLE employee_events ADD CONSTRAINT employee_events_type_check CHECK (type IN (${BEFORE}))`);
  }
}
