import { MigrationInterface, QueryRunner } from 'typeorm';

/** Enrollment's latest fill of a class (BatchFillChanged) and whether its confirm-by deadline was evaluated. */
export class AddBatchFill1732700000220 implements MigrationInterface {
  name = 'AddBatchFill1732700000220';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE batches
        ADD COLUMN fill_selected integer CHECK (fill_selected >= 0),
        ADD COLUMN fill_confirmed integer CHECK (fill_confirmed >= 0),
        ADD COLUMN fill_reserved integer CHECK (fill_reserved >= 0),
        ADD COLUMN fill_quorum_met boolean,
        ADD COLUMN fill_at timestamptz,
        ADD COLUMN quorum_checked_on date,
        ADD CHECK ((fill_at IS NULL) = (fill_confirmed IS NULL))`);
    // The timer's confirm-by query: confirmed classes whose deadline has not been evaluated yet.
    await queryRunner.query(
      `CREATE INDEX batches_awaiting_quorum ON batches (confirm_by) WHERE status = 'confirmed' AND quorum_checked_on IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX batches_awaiting_quorum');
    await queryRunner.query(`
      ALTER TABLE batches
        DROP COLUMN quorum_checked_on,
        DROP COLUMN fill_at,
        DROP COLUMN fill_quorum_met,
        DROP COLUMN fill_reserved,
        DROP COLUMN fill_confirmed,
        DROP COLUMN fill_selected`);
  }
}
