import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers kept for Idempotency-Key retries are sealed from now on. Those kept in the clear are deleted (a retry of one
 * is forwarded again; the services keep their own idempotency), so that no personal data stays readable in the table.
 */
export class SealIdempotencyAnswers1764700000200 implements MigrationInterface {
  name = 'SealIdempotencyAnswers1764700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM idempotency_records WHERE body IS NOT NULL');
    await queryRunner.query('ALTER TABLE idempotency_records DROP COLUMN body');
    await queryRunner.query('ALTER TABLE idempotency_records ADD COLUMN sealed_body jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM idempotency_records WHERE sealed_body IS NOT NULL');
    await queryRunner.query('ALTER TABLE idempotency_records DROP COLUMN sealed_body');
    await queryRunner.query('ALTER TABLE idempotency_records ADD COLUMN body text');
  }
}
