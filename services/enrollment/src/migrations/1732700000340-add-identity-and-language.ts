import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A participant's language (for notification) and civil-registry identity status; identity_checks holds one
 * durable job per participant still to be checked. Participants registered before this are checked too.
 */
export class AddIdentityAndLanguage1732700000340 implements MigrationInterface {
  name = 'AddIdentityAndLanguage1732700000340';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE participants
        ADD COLUMN language text NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
        ADD COLUMN identity_status text NOT NULL DEFAULT 'pending' CHECK (identity_status IN ('pending', 'verified', 'no-match')),
        ADD COLUMN identity_checked_at timestamptz`);
    await queryRunner.query(`
      CREATE TABLE identity_checks (
        participant_id uuid PRIMARY KEY REFERENCES participants (id),
        attempts int NOT NULL DEFAULT 0,
        due_at timestamptz NOT NULL DEFAULT now(),
        leased_until timestamptz,
        last_error text
      )`);
    await queryRunner.query('CREATE INDEX identity_checks_by_due_at ON identity_checks (due_at)');
    await queryRunner.query('INSERT INTO identity_checks (participant_id) SELECT id FROM participants');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE identity_checks');
    await queryRunner.query('ALTER TABLE participants DROP COLUMN language, DROP COLUMN identity_status, DROP COLUMN identity_checked_at');
  }
}
