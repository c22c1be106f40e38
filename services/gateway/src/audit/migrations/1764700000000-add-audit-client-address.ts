import { MigrationInterface, QueryRunner } from 'typeorm';

/** The client address of each audited request: who tried, also when no token named them. */
export class AddAuditClientAddress1764700000000 implements MigrationInterface {
  name = 'AddAuditClientAddress1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_entries ADD COLUMN client_address text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_entries DROP COLUMN client_address');
  }
}
