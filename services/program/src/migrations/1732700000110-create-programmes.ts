import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProgrammes1732700000110 implements MigrationInterface {
  name = 'CreateProgrammes1732700000110';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE agreements
        ADD COLUMN participant_ceiling integer CHECK (participant_ceiling > 0),
        ADD COLUMN ended_on date,
        ADD CONSTRAINT agreements_status CHECK (status IN ('signed', 'ended'))`);
    await queryRunner.query(`
      CREATE TABLE programmes (
        id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES agreements (id),
        name text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        target_participants integer NOT NULL CHECK (target_participants > 0),
        participant_ceiling integer NOT NULL CHECK (participant_ceiling >= target_participants),
        priority_segments text[] NOT NULL,
        selection_policy text NOT NULL,
        module_code text NOT NULL,
        class_days integer NOT NULL CHECK (class_days > 0),
        class_size integer NOT NULL CHECK (class_size > 0),
        reserves_per_class integer NOT NULL CHECK (reserves_per_class >= 0),
        minimum_quorum integer NOT NULL CHECK (minimum_quorum > 0 AND minimum_quorum <= class_size),
        confirm_by_days_before_start integer NOT NULL CHECK (confirm_by_days_before_start >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE programmes');
    await queryRunner.query('ALTER TABLE agreements DROP CONSTRAINT agreements_status, DROP COLUMN ended_on, DROP COLUMN participant_ceiling');
  }
}
