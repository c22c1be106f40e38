import { MigrationInterface, QueryRunner } from 'typeorm';

/** Program's copy of instructor-module's roster and assignments, for the bulk planner; and the instructor it proposes. */
export class CreateInstructorDirectory1732700000240 implements MigrationInterface {
  name = 'CreateInstructorDirectory1732700000240';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE directory_instructors (
        instructor_id uuid PRIMARY KEY,
        home_province_code text NOT NULL,
        competencies text[] NOT NULL,
        max_classes_per_period int NOT NULL,
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX directory_instructors_competencies ON directory_instructors USING gin (competencies)');
    await queryRunner.query(`
      CREATE TABLE instructor_bookings (
        assignment_id uuid PRIMARY KEY,
        batch_id uuid NOT NULL,
        instructor_id uuid NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX instructor_bookings_dates ON instructor_bookings (end_date, start_date)');
    await queryRunner.query('CREATE INDEX instructor_bookings_batch ON instructor_bookings (batch_id)');
    await queryRunner.query('ALTER TABLE batches ADD COLUMN proposed_instructor_id uuid');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE batches DROP COLUMN proposed_instructor_id');
    await queryRunner.query('DROP TABLE instructor_bookings');
    await queryRunner.query('DROP TABLE directory_instructors');
  }
}
