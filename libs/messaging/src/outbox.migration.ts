import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox (events waiting for the relay) and the inbox (events a consumer group has handled).
 * Every service that publishes or consumes events runs this migration on its own database.
 */
export class CreateOutboxAndInbox1732700000000 implements MigrationInterface {
  name = 'CreateOutboxAndInbox1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        position bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    // NOTIFY is delivered on commit and dropped on rollback: the relay wakes exactly when rows become visible.
    await queryRunner.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer_group text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        topic text NOT NULL,
        kafka_partition integer NOT NULL,
        kafka_offset bigint NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('handled', 'dead-lettered')),
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox');
    await queryRunner.query('DROP TRIGGER outbox_notify ON outbox');
    await queryRunner.query('DROP FUNCTION outbox_notify()');
    await queryRunner.query('DROP TABLE outbox');
  }
}
