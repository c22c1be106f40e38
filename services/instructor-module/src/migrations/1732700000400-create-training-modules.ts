import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTrainingModules1732700000400 implements MigrationInterface {
  name = 'CreateTrainingModules1732700000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE training_modules (
        code text PRIMARY KEY,
        title text NOT NULL,
        hours integer NOT NULL CHECK (hours BETWEEN 1 AND 1000),
        owner_party_code text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE training_modules');
  }
}
