import { MigrationInterface, QueryRunner } from 'typeorm';

/** Participants' one-time sign-in codes (HMACs only) and the requests their rate limits count. */
export class CreateSignInCodes1732700000600 implements MigrationInterface {
  name = 'CreateSignInCodes1732700000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sign_in_codes (
        id uuid PRIMARY KEY,
        participant_id uuid NOT NULL,
        identifier_digest bytea NOT NULL,
        code_digest bytea NOT NULL,
        channel text NOT NULL CHECK (channel IN ('phone', 'email')),
        expires_at timestamptz NOT NULL,
        wrong_tries integer NOT NULL DEFAULT 0,
        spent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX sign_in_codes_identifier_idx ON sign_in_codes (identifier_digest, created_at)');
    await queryRunner.query(`
      CREATE TABLE sign_in_code_requests (
        id uuid PRIMARY KEY,
        scope text NOT NULL CHECK (scope IN ('identifier', 'participant', 'address')),
        subject_digest bytea NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX sign_in_code_requests_subject_idx ON sign_in_code_requests (scope, subject_digest, requested_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sign_in_code_requests');
    await queryRunner.query('DROP TABLE sign_in_codes');
  }
}
