import { MigrationInterface, QueryRunner } from 'typeorm';

/** The embedded OpenID provider's storage, its keys, the local staff accounts and the browser sessions. */
export class CreateIdentity1733100000100 implements MigrationInterface {
  name = 'CreateIdentity1733100000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE oidc_payloads (
        model text NOT NULL,
        id text NOT NULL,
        payload jsonb NOT NULL,
        grant_id text,
        user_code text,
        uid text,
        expires_at timestamptz,
        consumed_at timestamptz,
        PRIMARY KEY (model, id)
      )`);
    await queryRunner.query('CREATE INDEX oidc_payloads_grant_id ON oidc_payloads (grant_id) WHERE grant_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX oidc_payloads_uid ON oidc_payloads (uid) WHERE uid IS NOT NULL');
    await queryRunner.query('CREATE INDEX oidc_payloads_expires_at ON oidc_payloads (expires_at)');
    await queryRunner.query(`
      CREATE TABLE identity_secrets (
        name text PRIMARY KEY,
        value jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE local_accounts (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
        password_hash text NOT NULL,
        roles text[] NOT NULL,
        venue_codes text[] NOT NULL DEFAULT '{}',
        instructor_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE browser_sessions (
        id text PRIMARY KEY,
        csrf_token text NOT NULL,
        pending jsonb,
        access_token text,
        refresh_token text,
        id_token text,
        access_expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX browser_sessions_expires_at ON browser_sessions (expires_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE browser_sessions');
    await queryRunner.query('DROP TABLE local_accounts');
    await queryRunner.query('DROP TABLE identity_secrets');
    await queryRunner.query('DROP TABLE oidc_payloads');
  }
}
