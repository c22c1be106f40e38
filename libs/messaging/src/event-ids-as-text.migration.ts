import { MigrationInterface, QueryRunner } from 'typeorm';

/** CloudEvents ids are any non-empty string (`urn:uuid:...`, a ministry's own ids), not only UUIDs. */
export class EventIdsAsText1732700000001 implements MigrationInterface {
  name = 'EventIdsAsText1732700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE inbox ALTER COLUMN event_id TYPE text');
    await queryRunner.query('ALTER TABLE outbox ALTER COLUMN event_id TYPE text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox ALTER COLUMN event_id TYPE uuid USING event_id::uuid');
    await queryRunner.query('ALTER TABLE inbox ALTER COLUMN event_id TYPE uuid USING event_id::uuid');
  }
}
