import { MigrationInterface, QueryRunner } from 'typeorm';

/** Deliveries that are sent, retried and scheduled; the recipient directory; the class view messages are written from. */
export class AddSendingRecipientsClasses1732700000400 implements MigrationInterface {
  name = 'AddSendingRecipientsClasses1732700000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE deliveries
        ADD COLUMN recipient_kind text,
        ADD COLUMN recipient_id text,
        ADD COLUMN params jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN critical boolean NOT NULL DEFAULT false,
        ADD COLUMN batch_id uuid,
        ADD COLUMN enrollment_id uuid,
        ADD COLUMN attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN channel text,
        ADD COLUMN language text,
        ADD COLUMN provider_message_id text,
        ADD COLUMN last_error text,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`UPDATE deliveries SET recipient_kind = 'admin', recipient_id = split_part(recipient, ':', 2)`);
    await queryRunner.query(`ALTER TABLE deliveries ALTER COLUMN recipient_kind SET NOT NULL, ALTER COLUMN recipient_id SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('pending', 'scheduled')`);
    await queryRunner.query(`CREATE INDEX deliveries_by_recipient ON deliveries (recipient_kind, recipient_id, created_at)`);
    await queryRunner.query(`CREATE INDEX deliveries_by_batch ON deliveries (batch_id) WHERE status = 'scheduled'`);
    await queryRunner.query(`CREATE INDEX deliveries_by_enrollment ON deliveries (enrollment_id) WHERE status = 'scheduled'`);
    await queryRunner.query(`
      CREATE TABLE recipients (
        kind text NOT NULL,
        id text NOT NULL,
        language text,
        contact jsonb,
        preferred_language text,
        preferred_channels text[],
        opt_out boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, id)
      )`);
    await queryRunner.query(`
      CREATE TABLE classes (
        batch_id uuid PRIMARY KEY,
        programme_id uuid NOT NULL,
        module_code text,
        venue_code text,
        instructor_id uuid,
        start_date date,
        end_date date,
        status text NOT NULL DEFAULT 'planned',
        seats integer,
        confirmed integer NOT NULL DEFAULT 0,
        selected integer NOT NULL DEFAULT 0,
        reserved integer NOT NULL DEFAULT 0,
        minimum_quorum integer,
        quorum_met boolean
      )`);
    await queryRunner.query(`CREATE TABLE venues (venue_code text PRIMARY KEY, name text NOT NULL, city text NOT NULL)`);
    await queryRunner.query(`
      CREATE TABLE class_places (
        enrollment_id uuid PRIMARY KEY,
        participant_id uuid NOT NULL,
        batch_id uuid NOT NULL,
        status text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX class_places_by_batch ON class_places (batch_id) WHERE status <> 'gone'`);
    await queryRunner.query(`CREATE TABLE digest_days (day date PRIMARY KEY, planned_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE digest_days, class_places, venues, classes, recipients');
    await queryRunner.query(`DROP INDEX deliveries_due, deliveries_by_recipient, deliveries_by_batch, deliveries_by_enrollment`);
    await queryRunner.query(`
      ALTER TABLE deliveries DROP COLUMN recipient_kind, DROP COLUMN recipient_id, DROP COLUMN params, DROP COLUMN critical,
        DROP COLUMN batch_id, DROP COLUMN enrollment_id, DROP COLUMN attempts, DROP COLUMN next_attempt_at, DROP COLUMN channel,
        DROP COLUMN language, DROP COLUMN provider_message_id, DROP COLUMN last_error, DROP COLUMN updated_at`);
  }
}
