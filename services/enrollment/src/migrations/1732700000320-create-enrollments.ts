import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEnrollments1732700000320 implements MigrationInterface {
  name = 'CreateEnrollments1732700000320';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE enrollments (
        id uuid PRIMARY KEY,
        participant_id uuid NOT NULL REFERENCES participants (id),
        programme_id uuid NOT NULL,
        requested_batch_id uuid,
        batch_id uuid REFERENCES batches (id),
        status text NOT NULL CHECK (status IN ('rejected', 'selected', 'reserved', 'not-selected', 'confirmed')),
        reasons jsonb NOT NULL DEFAULT '[]',
        reserve_rank int CHECK (reserve_rank >= 1),
        not_selected_reason text,
        confirm_by date,
        submitted_at timestamptz NOT NULL,
        confirmed_at timestamptz
      )`);
    await queryRunner.query(
      "CREATE UNIQUE INDEX enrollments_one_active_per_programme ON enrollments (participant_id, programme_id) WHERE status IN ('selected', 'reserved', 'confirmed')",
    );
    await queryRunner.query("CREATE UNIQUE INDEX enrollments_one_per_reserve_rank ON enrollments (batch_id, reserve_rank) WHERE status = 'reserved'");
    await queryRunner.query('CREATE INDEX enrollments_by_batch ON enrollments (batch_id)');
    await queryRunner.query(`
      CREATE TABLE idempotent_requests (
        key text PRIMARY KEY,
        fingerprint text NOT NULL,
        status int NOT NULL,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotent_requests');
    await queryRunner.query('DROP TABLE enrollments');
  }
}
