import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateClasses1732700000310 implements MigrationInterface {
  name = 'CreateClasses1732700000310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE programmes (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        priority_segments text[] NOT NULL,
        selection_policy text NOT NULL,
        target_participants int NOT NULL,
        participant_ceiling int NOT NULL
      )`);
    // The CHECKs are the last word on overbooking: never more seats or reserve places taken than the class has.
    await queryRunner.query(`
      CREATE TABLE batches (
        id uuid PRIMARY KEY,
        programme_id uuid NOT NULL,
        province_code text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        seats int NOT NULL CHECK (seats > 0),
        reserves int NOT NULL CHECK (reserves >= 0),
        minimum_quorum int NOT NULL,
        confirm_by date NOT NULL,
        selected int NOT NULL DEFAULT 0,
        confirmed int NOT NULL DEFAULT 0,
        reserved int NOT NULL DEFAULT 0,
        CONSTRAINT batches_selected_within_seats CHECK (selected BETWEEN 0 AND seats),
        CONSTRAINT batches_confirmed_within_selected CHECK (confirmed BETWEEN 0 AND selected),
        CONSTRAINT batches_reserved_within_reserves CHECK (reserved BETWEEN 0 AND reserves)
      )`);
    await queryRunner.query('CREATE INDEX batches_by_programme_province ON batches (programme_id, province_code)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE batches');
    await queryRunner.query('DROP TABLE programmes');
  }
}
