import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInstructors1732700000410 implements MigrationInterface {
  name = 'CreateInstructors1732700000410';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE instructors (
        id uuid PRIMARY KEY,
        external_ref text NOT NULL UNIQUE,
        full_name text NOT NULL,
        email text,
        phone text,
        home_province_code text NOT NULL,
        competencies text[] NOT NULL,
        max_classes_per_period integer NOT NULL CHECK (max_classes_per_period BETWEEN 1 AND 100),
        active boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX instructors_competencies ON instructors USING gin (competencies)');
    // source: 'roster' days are replaced by each KemenUMKM record; 'admin' days are added over HTTP and kept.
    await queryRunner.query(`
      CREATE TABLE instructor_unavailable_days (
        instructor_id uuid NOT NULL REFERENCES instructors (id),
        day date NOT NULL,
        source text NOT NULL CHECK (source IN ('roster', 'admin')),
        PRIMARY KEY (instructor_id, day, source)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE instructor_unavailable_days');
    await queryRunner.query('DROP TABLE instructors');
  }
}
