import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdempotencyRecords1733100000050 implements MigrationInterface {
  name = 'CreateIdempotencyRecords1733100000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_records (
        subject text NOT NULL,
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        status integer,
        content_type text,
        body text,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (subject, idempotency_key)
      )`);
    await queryRunner.query('CREATE INDEX idempotency_records_by_expiry ON idempotency_records (expires_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_records');
  }
}
