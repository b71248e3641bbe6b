import { MigrationInterface, QueryRunner } from 'typeorm';

/** A subscription whose target keeps failing is paused (visible status) instead of being retried forever. */
export class WebhookPause1766300000001 implements MigrationInterface {
  name = 'WebhookPause1766300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE webhook_subscriptions ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0, ADD COLUMN paused_at timestamptz NULL, ADD COLUMN pause_reason text NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE webhook_subscriptions DROP COLUMN consecutive_failures, DROP COLUMN paused_at, DROP COLUMN pause_reason`,
    );
  }
}
