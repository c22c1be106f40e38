import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateVenuesAndReservations1732700000300 implements MigrationInterface {
  name = 'CreateVenuesAndReservations1732700000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    // btree_gist lets one exclusion constraint compare the room (=) and the days (&&) together; it is a trusted extension.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await queryRunner.query(`
      CREATE TABLE venues (
        venue_code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('BLK', 'BBPVP', 'BPVP')),
        province_code text NOT NULL,
        city text NOT NULL,
        closed_days date[] NOT NULL DEFAULT '{}',
        sample boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX venues_by_province ON venues (province_code)');
    await queryRunner.query(`
      CREATE TABLE rooms (
        venue_code text NOT NULL REFERENCES venues (venue_code) ON DELETE CASCADE,
        room_code text NOT NULL,
        name text NOT NULL,
        seats integer NOT NULL CHECK (seats BETWEEN 1 AND 500),
        PRIMARY KEY (venue_code, room_code)
      )`);
    await queryRunner.query(`
      CREATE TABLE room_unavailability (
        id uuid PRIMARY KEY,
        venue_code text NOT NULL,
        room_code text NOT NULL,
        from_date date NOT NULL,
        to_date date NOT NULL CHECK (to_date >= from_date),
        period daterange GENERATED ALWAYS AS (daterange(from_date, to_date, '[]')) STORED,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (venue_code, room_code) REFERENCES rooms (venue_code, room_code) ON DELETE CASCADE
      )`);
    await queryRunner.query('CREATE INDEX room_unavailability_by_period ON room_unavailability USING gist (venue_code, room_code, period)');
    // Reservations keep their history (released, withdrawn), so they do not reference rooms that a venue update may remove.
    await queryRunner.query(`
      CREATE TABLE reservations (
        id uuid PRIMARY KEY,
        batch_id uuid NOT NULL,
        venue_code text NOT NULL,
        room_code text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL CHECK (end_date >= start_date),
        days daterange GENERATED ALWAYS AS (daterange(start_date, end_date, '[]')) STORED,
        seats integer NOT NULL CHECK (seats > 0),
        status text NOT NULL CHECK (status IN ('active', 'released', 'withdrawn')),
        ended_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        CONSTRAINT reservations_one_class_per_room_day
          EXCLUDE USING gist (venue_code WITH =, room_code WITH =, days WITH &&) WHERE (status = 'active')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX reservations_one_active_per_batch ON reservations (batch_id) WHERE status = 'active'`);
    await queryRunner.query('CREATE INDEX reservations_by_venue ON reservations (venue_code, start_date)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reservations');
    await queryRunner.query('DROP TABLE room_unavailability');
    await queryRunner.query('DROP TABLE rooms');
    await queryRunner.query('DROP TABLE venues');
  }
}
