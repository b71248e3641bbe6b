import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest of the konversi sheet's KETERANGAN PERORANGAN (PerBKN 3/2023 Lampiran II angka 10):
 * Pendidikan (level and name of the last recognised education) and Masa Kerja Golongan, recorded
 * as years and months on a date.
 */
export class EmployeeEducationMkg1767400000000 implements MigrationInterface {
  name = 'EmployeeEducationMkg1767400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE employees
         ADD COLUMN education_level varchar(4), ADD COLUMN education_name varchar(200),
         ADD COLUMN mkg_years smallint, ADD COLUMN mkg_months smallint, ADD COLUMN mkg_as_of date,
         ADD CONSTRAINT employees_mkg_check CHECK (
           (mkg_years IS NULL AND mkg_months IS NULL AND mkg_as_of IS NULL)
           OR (mkg_years BETWEEN 0 AND 60 AND mkg_months BETWEEN 0 AND 11 AND mkg_as_of IS NOT NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE employees DROP CONSTRAINT employees_mkg_check, DROP COLUMN education_level, DROP COLUMN education_name,
         DROP COLUMN mkg_years, DROP COLUMN mkg_months, DROP COLUMN mkg_as_of`,
    );
  }
}
