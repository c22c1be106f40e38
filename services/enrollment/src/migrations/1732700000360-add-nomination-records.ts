import { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per nominated record handled, keyed by the message and the record's ref: a redelivered message adds nothing. */
export class AddNominationRecords1732700000360 implements MigrationInterface {
  name = 'AddNominationRecords1732700000360';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE nomination_records (
        source_event_id text NOT NULL,
        record_ref text NOT NULL,
        institution_id text NOT NULL,
        accepted boolean NOT NULL,
        participant_id uuid,
        enrollment_id uuid,
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_event_id, record_ref)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE nomination_records');
  }
}
