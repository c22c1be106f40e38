import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enrollments waiting for the identity check (pending-identity) or for a lottery or ranking (registered), the
 * channel they came by and a nominating institution's score; selection_draws keeps each programme's one draw.
 */
export class AddSelection1732700000350 implements MigrationInterface {
  name = 'AddSelection1732700000350';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE enrollments DROP CONSTRAINT enrollments_status_check');
    await queryRunner.query(
      `ALTER TABLE enrollments ADD CONSTRAINT enrollments_status_check
        CHECK (status IN ('pending-identity', 'registered', 'rejected', 'selected', 'reserved', 'not-selected', 'confirmed', 'expired', 'withdrawn'))`,
    );
    await queryRunner.query('DROP INDEX enrollments_one_active_per_programme');
    await queryRunner.query(
      `CREATE UNIQUE INDEX enrollments_one_active_per_programme ON enrollments (participant_id, programme_id)
        WHERE status IN ('pending-identity', 'registered', 'selected', 'reserved', 'confirmed')`,
    );
    await queryRunner.query(`
      ALTER TABLE enrollments
        ADD COLUMN channel text NOT NULL DEFAULT 'self-service' CHECK (channel IN ('self-service', 'nomination')),
        ADD COLUMN selection_score double precision`);
    await queryRunner.query("CREATE INDEX enrollments_pool ON enrollments (programme_id) WHERE status = 'registered'");
    await queryRunner.query("CREATE INDEX enrollments_pending_identity ON enrollments (participant_id) WHERE status = 'pending-identity'");
    await queryRunner.query(`
      CREATE TABLE selection_draws (
        programme_id uuid PRIMARY KEY,
        policy text NOT NULL CHECK (policy IN ('lottery', 'ranked')),
        seed text NOT NULL,
        pool_size int NOT NULL,
        pool_digest text NOT NULL,
        entries jsonb NOT NULL,
        drawn_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE selection_draws');
    await queryRunner.query('DROP INDEX enrollments_pool');
    await queryRunner.query('DROP INDEX enrollments_pending_identity');
    await queryRunner.query('ALTER TABLE enrollments DROP COLUMN channel, DROP COLUMN selection_score');
    await queryRunner.query('DROP INDEX enrollments_one_active_per_programme');
    await queryRunner.query(
      "CREATE UNIQUE INDEX enrollments_one_active_per_programme ON enrollments (participant_id, programme_id) WHERE status IN ('selected', 'reserved', 'confirmed')",
    );
    await queryRunner.query('ALTER TABLE enrollments DROP CONSTRAINT enrollments_status_check');
    await queryRunner.query(
      "ALTER TABLE enrollments ADD CONSTRAINT enrollments_status_check CHECK (status IN ('rejected', 'selected', 'reserved', 'not-selected', 'confirmed', 'expired', 'withdrawn'))",
    );
  }
}
