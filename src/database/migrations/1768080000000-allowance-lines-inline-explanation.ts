import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payroll pull speed: a line's explanation (~2.3 KB of JSON text) made its row cross PostgreSQL's
 * 2 KB toast threshold, so every explanation was stored pglz-compressed and every payroll page
 * decompressed 1,000 of them. With `toast_tuple_target` at the page maximum a row is compressed only
 * when it would not fit a page (8 KB): the explanation stays inline as plain text and a page is
 * copied out, not decompressed (EXPLAIN in docs/performance.md). Existing rows are rewritten once
 * (the same text, uncompressed; the closed-month guard is paused for this rewrite only, since no
 * value changes).
 */
export class AllowanceLinesInlineExplanation1768080000000 implements MigrationInterface {
  name = 'AllowanceLinesInlineExplanation1768080000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE allowance_lines SET (toast_tuple_target = 8160)`);
    await q.query(`ALTER TABLE allowance_lines DISABLE TRIGGER allowance_lines_closed_guard`);
    await q.query(
      `UPDATE allowance_lines SET explanation = explanation::text::json
        WHERE pg_column_compression(explanation) IS NOT NULL AND octet_length(explanation::text) < 6000`,
    );
    await q.query(`ALTER TABLE allowance_lines ENABLE TRIGGER allowance_lines_closed_guard`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE allowance_lines RESET (toast_tuple_target)`);
  }
}
