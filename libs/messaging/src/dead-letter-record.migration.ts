import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the service's consumer group parked on a dead-letter topic, kept in its own database so that the Operations
 * page can list and inspect its dead letters without reading the topic, and knows which were re-driven. One row per
 * place on the topic a group gave up on: a re-driven message that fails again is a new row.
 */
export class CreateDeadLetters1764900000000 implements MigrationInterface {
  name = 'CreateDeadLetters1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dead_letters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consumer_group text NOT NULL,
        topic text NOT NULL,
        kafka_partition integer NOT NULL,
        kafka_offset bigint NOT NULL,
        event_id text,
        event_type text,
        reason text NOT NULL,
        attempts integer NOT NULL,
        headers jsonb NOT NULL,
        payload text,
        failed_at timestamptz NOT NULL,
        redriven_at timestamptz,
        UNIQUE (consumer_group, topic, kafka_partition, kafka_offset)
      )`);
    await queryRunner.query('CREATE INDEX dead_letters_newest ON dead_letters (failed_at DESC, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dead_letters');
  }
}
