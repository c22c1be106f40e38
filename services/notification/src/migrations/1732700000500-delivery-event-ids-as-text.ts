import { MigrationInterface, QueryRunner } from 'typeorm';

/** A delivery names the event it is owed to by its CloudEvents id, which is any non-empty string. */
export class DeliveryEventIdsAsText1732700000500 implements MigrationInterface {
  name = 'DeliveryEventIdsAsText1732700000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE deliveries ALTER COLUMN event_id TYPE text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE deliveries ALTER COLUMN event_id TYPE uuid USING event_id::uuid');
  }
}
