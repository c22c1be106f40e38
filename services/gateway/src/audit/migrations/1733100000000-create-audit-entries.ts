import { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only audit log (UU 27/2022): rows are inserted, never changed or removed. */
export class CreateAuditEntries1733100000000 implements MigrationInterface {
  name = 'CreateAuditEntries1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_entries (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_subject text,
        actor_roles text[] NOT NULL,
        operation_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('personal-data-read', 'admin-command')),
        record_type text,
        record_id text,
        outcome integer NOT NULL CHECK (outcome BETWEEN 100 AND 599),
        correlation_id text
      )`);
    await queryRunner.query('CREATE INDEX audit_entries_newest_first ON audit_entries (occurred_at, id)');
    await queryRunner.query('CREATE INDEX audit_entries_by_record ON audit_entries (record_type, record_id)');
    await queryRunner.query(`
      CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
      FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_entries');
    await queryRunner.query('DROP FUNCTION audit_entries_refuse_change()');
  }
}
