import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rencana aksi and umpan balik berkelanjutan (spec 04 §2): rencana aksi per RHK per period with their
 * progress entries and bukti dukung; an append-only feedback log per RHK, rencana aksi or core value.
 */
export class RencanaAksi1767500000001 implements MigrationInterface {
  name = 'RencanaAksi1767500000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE skp_action_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        skp_id uuid NOT NULL REFERENCES skp(id) ON DELETE CASCADE,
        result_id uuid NOT NULL REFERENCES skp_results(id) ON DELETE CASCADE,
        period varchar(7) NOT NULL,
        position smallint NOT NULL,
        text text NOT NULL,
        target numeric(14,2) NULL CHECK (target IS NULL OR target >= 0),
        unit varchar(40) NULL,
        status varchar(8) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','AGREED')),
        realisasi_override numeric(14,2) NULL,
        override_reason text NULL,
        evidence_urls text[] NOT NULL DEFAULT '{}',
        narrative text NULL,
        agreed_at timestamptz NULL,
        agreed_by uuid NULL REFERENCES employees(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX skp_action_plans_skp_period_idx ON skp_action_plans(skp_id, period, position)`);
    await q.query(`
      CREATE TABLE skp_action_progress (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES skp_action_plans(id) ON DELETE CASCADE,
        entry_date date NOT NULL,
        start_time time NULL,
        end_time time NULL,
        activity text NOT NULL,
        realisasi integer NOT NULL CHECK (realisasi >= 0),
        unit varchar(40) NOT NULL,
        evidence_url text NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX skp_action_progress_plan_idx ON skp_action_progress(plan_id, entry_date)`);
    await q.query(`
      CREATE TABLE skp_feedback (
        id bigserial PRIMARY KEY,
        skp_id uuid NOT NULL REFERENCES skp(id) ON DELETE CASCADE,
        period varchar(7) NOT NULL,
        target_kind varchar(12) NOT NULL CHECK (target_kind IN ('RESULT','ACTION_PLAN','CORE_VALUE')),
        target varchar(40) NOT NULL,
        author_id uuid NOT NULL REFERENCES employees(id),
        author_role varchar(12) NOT NULL CHECK (author_role IN ('PPK','ATASAN_PPK')),
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX skp_feedback_skp_period_idx ON skp_feedback(skp_id, period, target_kind, target, id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of ['skp_feedback', 'skp_action_progress', 'skp_action_plans'])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
