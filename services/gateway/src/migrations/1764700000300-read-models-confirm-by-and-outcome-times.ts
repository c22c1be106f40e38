import { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_MODELS_SCHEMA } from '../read-models/projection-tables';

const S = READ_MODELS_SCHEMA;

/**
 * Each class's confirm-by day and each delivery outcome's time, for the overview's classes under quorum before their
 * confirm-by day and its messages of today. The read models' first migration creates the tables as the projections
 * have them now, so on a fresh database the columns are already there. Rows projected before this migration keep
 * nulls until `npm run rebuild-read-models` replays the topics into them.
 */
export class ReadModelsConfirmByAndOutcomeTimes1764700000300 implements MigrationInterface {
  name = 'ReadModelsConfirmByAndOutcomeTimes1764700000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${S}.classes ADD COLUMN IF NOT EXISTS confirm_by date`);
    await queryRunner.query(`ALTER TABLE ${S}.notification_outcomes ADD COLUMN IF NOT EXISTS outcome_at timestamptz`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS notification_outcomes_outcome_at_idx ON ${S}.notification_outcomes (outcome_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS ${S}.notification_outcomes_outcome_at_idx`);
    await queryRunner.query(`ALTER TABLE ${S}.notification_outcomes DROP COLUMN outcome_at`);
    await queryRunner.query(`ALTER TABLE ${S}.classes DROP COLUMN confirm_by`);
  }
}
