import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAssignments1732700000420 implements MigrationInterface {
  name = 'CreateAssignments1732700000420';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await queryRunner.query(`
      CREATE TABLE assignments (
        id uuid PRIMARY KEY,
        batch_id uuid NOT NULL,
        instructor_id uuid NOT NULL REFERENCES instructors (id),
        module_code text NOT NULL,
        province_code text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL CHECK (end_date >= start_date),
        period text NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'released', 'withdrawn')),
        replaces_instructor_id uuid,
        end_reason text,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        CONSTRAINT assignments_no_double_booking
          EXCLUDE USING gist (instructor_id WITH =, daterange(start_date, end_date, '[]') WITH &&) WHERE (status = 'active')
      )`);
    await queryRunner.query("CREATE UNIQUE INDEX assignments_one_active_per_batch ON assignments (batch_id) WHERE status = 'active'");
    await queryRunner.query("CREATE INDEX assignments_load ON assignments (instructor_id, period) WHERE status = 'active'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE assignments');
  }
}
