import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SIASN document uploads (spec 04 §8.3): what reached SIASN of a row's document, so a retried attempt
 * uploads only what is missing — `{ ref, uploadedAt, path }` after `upload-dok` (kinerja periodik: the
 * path object its save sends), `{ ref, uploadedAt, idRiwayat }` after `upload-dok-rw` (skp22, angka kredit).
 */
export class SiasnDocuments1769000000000 implements MigrationInterface {
  name = 'SiasnDocuments1769000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE siasn_outbox ADD COLUMN document jsonb NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE siasn_outbox DROP COLUMN IF EXISTS document`);
  }
}
