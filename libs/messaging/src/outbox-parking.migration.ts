import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox rows Kafka refused for good (unknown topic, too large, not authorised, invalid), and the
 * later rows of the same topic and key, which must not overtake them. They keep their position, so
 * moving them back into `outbox` publishes them in their original order.
 */
export class CreateOutboxParked1764640000000 implements MigrationInterface {
  name = 'CreateOutboxParked1764640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_parked (
        position bigint PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        parked_at timestamptz NOT NULL DEFAULT now(),
        reason text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX outbox_parked_key ON outbox_parked (topic, message_key)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE outbox_parked');
  }
}
