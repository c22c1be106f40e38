import { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed staff password sign-ins, per username and per client address (HMACs only), that the sign-in limit counts. */
export class CreateStaffSignInFailures1764700000100 implements MigrationInterface {
  name = 'CreateStaffSignInFailures1764700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE staff_sign_in_failures (
        id uuid PRIMARY KEY,
        scope text NOT NULL CHECK (scope IN ('username', 'address')),
        subject_digest bytea NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX staff_sign_in_failures_subject_idx ON staff_sign_in_failures (scope, subject_digest, failed_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE staff_sign_in_failures');
  }
}
