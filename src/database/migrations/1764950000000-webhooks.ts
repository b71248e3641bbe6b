import { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook subscriptions of HR/payroll systems and one delivery row per (subscription, event). */
export class Webhooks1764950000000 implements MigrationInterface {
  name = 'Webhooks1764950000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url varchar(500) NOT NULL,
        event_types text[] NOT NULL,
        secret varchar(200) NOT NULL,
        created_by varchar(60) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz NULL
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
        event_type varchar(60) NOT NULL,
        event_key varchar(300) NOT NULL,
        payload jsonb NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','DELIVERED','FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        last_status_code integer NULL,
        last_error text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz NULL,
        CONSTRAINT webhook_deliveries_once UNIQUE (subscription_id, event_key)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS webhook_deliveries`);
    await q.query(`DROP TABLE IF EXISTS webhook_subscriptions`);
  }
}
