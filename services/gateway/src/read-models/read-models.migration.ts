import { MigrationInterface, QueryRunner } from 'typeorm';
import { createProjectionTables, READ_MODELS_SCHEMA } from './projection-tables';

export class CreateReadModels1764680000000 implements MigrationInterface {
  name = 'CreateReadModels1764680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createProjectionTables(queryRunner, READ_MODELS_SCHEMA);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA ${READ_MODELS_SCHEMA} CASCADE`);
  }
}
