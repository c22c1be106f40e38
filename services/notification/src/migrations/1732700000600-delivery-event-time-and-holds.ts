import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery records when its event happened, so that a person's messages go out in event order; the dispatcher looks
 * up a person's earlier held or pending messages through the partial index, and claims held notices once due.
 */
export class DeliveryEventTimeAndHolds1732700000600 implements MigrationInterface {
  name = 'DeliveryEventTimeAndHolds1732700000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE deliveries ADD COLUMN event_time timestamptz');
    await queryRunner.query('UPDATE deliveries SET event_time = created_at');
    await queryRunner.query('ALTER TABLE deliveries ALTER COLUMN event_time SET NOT NULL');
    await queryRunner.query('DROP INDEX deliveries_due');
    await queryRunner.query(`CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('held', 'pending', 'scheduled')`);
    await queryRunner.query(
      `CREATE INDEX deliveries_unsent_by_recipient ON deliveries (recipient, event_time, created_at, id) WHERE status IN ('held', 'pending')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX deliveries_unsent_by_recipient');
    await queryRunner.query(`UPDATE deliveries SET status = 'pending' WHERE status = 'held'`);
    await queryRunner.query('DROP INDEX deliveries_due');
    await queryRunner.query(`CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('pending', 'scheduled')`);
    await queryRunner.query(`UPDATE deliveries SET status = 'cancelled' WHERE status = 'superseded'`);
    await queryRunner.query('ALTER TABLE deliveries DROP COLUMN event_time');
  }
}
