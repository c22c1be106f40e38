import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A draw's entries move from the JSONB array of selection_draws into selection_entries, one row each, so that they page
 * by position and filter by outcome (a pool may hold 10,000 enrollments). Existing draws keep every entry as it was.
 */
export class MoveSelectionEntries1732700000400 implements MigrationInterface {
  name = 'MoveSelectionEntries1732700000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE selection_entries (
        programme_id uuid NOT NULL REFERENCES selection_draws (programme_id),
        position int NOT NULL CHECK (position >= 1),
        enrollment_id uuid NOT NULL UNIQUE,
        participant_id uuid NOT NULL,
        lottery_key text,
        score double precision,
        business_scale text NOT NULL,
        submitted_at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('selected', 'reserved', 'not-selected')),
        batch_id uuid,
        reserve_rank int,
        PRIMARY KEY (programme_id, position)
      )`);
    await queryRunner.query('CREATE INDEX selection_entries_by_outcome ON selection_entries (programme_id, outcome, position)');
    await queryRunner.query(`
      INSERT INTO selection_entries (programme_id, position, enrollment_id, participant_id, lottery_key, score, business_scale, submitted_at, outcome, batch_id, reserve_rank)
      SELECT draw.programme_id, entry.position, entry."enrollmentId", entry."participantId", entry."lotteryKey", entry.score, entry."businessScale",
             entry."submittedAt", entry.outcome, entry."batchId", entry."reserveRank"
        FROM selection_draws draw,
             jsonb_to_recordset(draw.entries) AS entry(position int, "enrollmentId" uuid, "participantId" uuid, "lotteryKey" text, score double precision,
               "businessScale" text, "submittedAt" timestamptz, outcome text, "batchId" uuid, "reserveRank" int)`);
    await queryRunner.query('ALTER TABLE selection_draws DROP COLUMN entries');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE selection_draws ADD COLUMN entries jsonb');
    await queryRunner.query(`
      UPDATE selection_draws draw SET entries = coalesce(
        (SELECT jsonb_agg(jsonb_build_object(
                  'position', entry.position, 'enrollmentId', entry.enrollment_id, 'participantId', entry.participant_id,
                  'lotteryKey', entry.lottery_key, 'score', entry.score, 'businessScale', entry.business_scale,
                  'submittedAt', to_char(entry.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'outcome', entry.outcome, 'batchId', entry.batch_id, 'reserveRank', entry.reserve_rank) ORDER BY entry.position)
           FROM selection_entries entry WHERE entry.programme_id = draw.programme_id),
        '[]'::jsonb)`);
    await queryRunner.query('ALTER TABLE selection_draws ALTER COLUMN entries SET NOT NULL');
    await queryRunner.query('DROP TABLE selection_entries');
  }
}
