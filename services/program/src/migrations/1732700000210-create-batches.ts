import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBatches1732700000210 implements MigrationInterface {
  name = 'CreateBatches1732700000210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE batches (
        id uuid PRIMARY KEY,
        programme_id uuid NOT NULL REFERENCES programmes (id),
        status text NOT NULL CHECK (status IN ('planned', 'confirmed', 'failed', 'cancelled', 'running', 'completed', 'closed')),
        module_code text NOT NULL,
        province_code text NOT NULL,
        venue_code text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL CHECK (end_date >= start_date),
        seats integer NOT NULL CHECK (seats > 0),
        reserves integer NOT NULL CHECK (reserves >= 0),
        minimum_quorum integer NOT NULL CHECK (minimum_quorum > 0),
        confirm_by date NOT NULL,
        reply_by timestamptz NOT NULL,
        reservation_id uuid,
        room_code text,
        assignment_id uuid,
        instructor_id uuid,
        failed_step text CHECK (failed_step IN ('venue', 'instructor', 'timeout')),
        failure_reason text,
        cancellation_reason text CHECK (cancellation_reason IN ('admin', 'venue-withdrawn', 'instructor-withdrawn', 'under-quorum')),
        cancellation_detail text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'failed') = (failed_step IS NOT NULL)),
        CHECK ((status = 'cancelled') = (cancellation_reason IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX batches_programme_status ON batches (programme_id, status)');
    await queryRunner.query(`CREATE INDEX batches_live_at_venue ON batches (venue_code, start_date) WHERE status IN ('planned', 'confirmed', 'running')`);
    // The durable timer's two queries.
    await queryRunner.query(`CREATE INDEX batches_awaiting_replies ON batches (reply_by) WHERE status = 'planned'`);
    await queryRunner.query(`CREATE INDEX batches_scheduled ON batches (start_date, end_date) WHERE status IN ('confirmed', 'running')`);
    await queryRunner.query(`
      CREATE TABLE batch_transitions (
        id bigserial PRIMARY KEY,
        batch_id uuid NOT NULL REFERENCES batches (id),
        trigger text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        event_type text,
        applied boolean NOT NULL,
        note text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX batch_transitions_batch ON batch_transitions (batch_id, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE batch_transitions');
    await queryRunner.query('DROP TABLE batches');
  }
}
