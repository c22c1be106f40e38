import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a class is in its life (cancelled, running, completed, closed) and its venue; enrollments waiting for their
 * answer to a cancelled class (awaiting-move) or released from it; class-change offers, attendance and certificates.
 */
export class AddClassChangesAttendanceCertificates1732700000370 implements MigrationInterface {
  name = 'AddClassChangesAttendanceCertificates1732700000370';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE batches
        ADD COLUMN status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'cancelled', 'running', 'completed', 'closed')),
        ADD COLUMN venue_code text NOT NULL DEFAULT 'UNKNOWN'`);
    await queryRunner.query('ALTER TABLE enrollments DROP CONSTRAINT enrollments_status_check');
    await queryRunner.query(
      `ALTER TABLE enrollments ADD CONSTRAINT enrollments_status_check
        CHECK (status IN ('pending-identity', 'registered', 'rejected', 'selected', 'reserved', 'not-selected', 'confirmed', 'expired', 'withdrawn',
                          'awaiting-move', 'released'))`,
    );
    await queryRunner.query(`
      CREATE TABLE class_change_offers (
        id uuid PRIMARY KEY,
        enrollment_id uuid NOT NULL REFERENCES enrollments (id),
        from_batch_id uuid NOT NULL REFERENCES batches (id),
        reason text NOT NULL CHECK (reason IN ('cancelled', 'rescheduled')),
        held_status text NOT NULL CHECK (held_status IN ('selected', 'confirmed', 'reserved')),
        options jsonb NOT NULL,
        respond_by date NOT NULL,
        state text NOT NULL CHECK (state IN ('open', 'moved', 'released', 'superseded')),
        to_batch_id uuid REFERENCES batches (id),
        offered_at timestamptz NOT NULL,
        answered_at timestamptz
      )`);
    await queryRunner.query("CREATE UNIQUE INDEX class_change_offers_one_open ON class_change_offers (enrollment_id) WHERE state = 'open'");
    await queryRunner.query(
      "CREATE INDEX class_change_offers_due ON class_change_offers (respond_by) WHERE state = 'open' AND reason = 'cancelled'",
    );
    await queryRunner.query(`
      CREATE TABLE attendance (
        enrollment_id uuid NOT NULL REFERENCES enrollments (id),
        day date NOT NULL,
        batch_id uuid NOT NULL REFERENCES batches (id),
        present boolean NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (enrollment_id, day)
      )`);
    await queryRunner.query('CREATE INDEX attendance_by_batch_day ON attendance (batch_id, day)');
    // One document per enrollment, whatever happens to BatchCompleted: the primary key is the exactly-once.
    await queryRunner.query(`
      CREATE TABLE certificates (
        enrollment_id uuid PRIMARY KEY REFERENCES enrollments (id),
        kind text NOT NULL CHECK (kind IN ('certificate', 'letter')),
        number text NOT NULL UNIQUE,
        verification_code text UNIQUE,
        batch_id uuid NOT NULL REFERENCES batches (id),
        participant_id uuid NOT NULL,
        programme_id uuid NOT NULL,
        attended_days int NOT NULL,
        class_days int NOT NULL,
        issued_at timestamptz NOT NULL,
        CONSTRAINT certificates_code_iff_certificate CHECK ((kind = 'certificate') = (verification_code IS NOT NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE certificates');
    await queryRunner.query('DROP TABLE attendance');
    await queryRunner.query('DROP TABLE class_change_offers');
    await queryRunner.query('ALTER TABLE enrollments DROP CONSTRAINT enrollments_status_check');
    await queryRunner.query(
      `ALTER TABLE enrollments ADD CONSTRAINT enrollments_status_check
        CHECK (status IN ('pending-identity', 'registered', 'rejected', 'selected', 'reserved', 'not-selected', 'confirmed', 'expired', 'withdrawn'))`,
    );
    await queryRunner.query('ALTER TABLE batches DROP COLUMN status, DROP COLUMN venue_code');
  }
}
