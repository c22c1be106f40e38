/** Anything that runs SQL and answers rows: a handler's EntityManager, a QueryRunner of the rebuild. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The schema the dashboards read; a rebuild fills REBUILD_SCHEMA and swaps it in under this name. */
export const READ_MODELS_SCHEMA = 'read_models';
export const REBUILD_SCHEMA = 'read_models_rebuild';
export const RETIRED_SCHEMA = 'read_models_retired';

/**
 * The projections' tables in a schema. A class row is filled from several topics that may arrive in any
 * order (its fill can come before its plan), so every column but the key may be null until its event comes.
 */
export async function createProjectionTables(db: Queryable, schema: string): Promise<void> {
  await db.query(`CREATE SCHEMA ${schema}`);
  await db.query(`
    CREATE TABLE ${schema}.classes (
      batch_id uuid PRIMARY KEY,
      programme_id uuid,
      province_code text,
      module_code text,
      venue_code text,
      room_code text,
      instructor_id uuid,
      start_date date,
      end_date date,
      status text,
      status_rank integer NOT NULL DEFAULT 0,
      seats integer,
      reserves integer,
      minimum_quorum integer,
      confirm_by date,
      selected integer NOT NULL DEFAULT 0,
      confirmed integer NOT NULL DEFAULT 0,
      reserved integer NOT NULL DEFAULT 0,
      quorum_met boolean NOT NULL DEFAULT false
    )`);
  await db.query(`CREATE INDEX ON ${schema}.classes (programme_id, province_code, batch_id)`);
  await db.query(`CREATE INDEX ON ${schema}.classes (venue_code, start_date)`);
  await db.query(`CREATE INDEX ON ${schema}.classes (instructor_id, start_date)`);
  await db.query(`
    CREATE TABLE ${schema}.notification_outcomes (
      delivery_id uuid PRIMARY KEY,
      channel text,
      recipient_kind text NOT NULL,
      template text NOT NULL,
      outcome text NOT NULL,
      attempts integer NOT NULL,
      outcome_at timestamptz
    )`);
  await db.query(`CREATE INDEX ON ${schema}.notification_outcomes (outcome_at)`);
  await db.query(`
    CREATE TABLE ${schema}.dead_letters (
      topic text PRIMARY KEY,
      dead_letters bigint NOT NULL,
      counted_at timestamptz NOT NULL
    )`);
}
