import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A class's messages are listed by their class (GET /deliveries?batchId=), in creation order: every delivery an event
 * carrying a batchId planned is found by it, whatever its status, so the index that held only the scheduled ones
 * (to cancel a class's reminders) becomes one over all of them.
 */
export class DeliveriesByClass1732700000700 implements MigrationInterface {
  name = 'DeliveriesByClass1732700000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX deliveries_by_batch');
    await queryRunner.query('CREATE INDEX deliveries_by_class ON deliveries (batch_id, created_at, id) WHERE batch_id IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX deliveries_by_class');
    await queryRunner.query(`CREATE INDEX deliveries_by_batch ON deliveries (batch_id) WHERE status = 'scheduled'`);
  }
}
