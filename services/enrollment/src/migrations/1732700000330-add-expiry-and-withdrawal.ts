import { MigrationInterface, QueryRunner } from 'typeorm';

/** Expired seats (not confirmed by the confirm-by day) and withdrawals; an index for the confirm-by timer. */
export class AddExpiryAndWithdrawal1732700000330 implements MigrationInterface {
  name = 'AddExpiryAndWithdrawal1732700000330';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE enrollments DROP CONSTRAINT enrollments_status_check');
    await queryRunner.query(
      "ALTER TABLE enrollments ADD CONSTRAINT enrollments_status_check CHECK (status IN ('rejected', 'selected', 'reserved', 'not-selected', 'confirmed', 'expired', 'withdrawn'))",
    );
    await queryRunner.query('ALTER TABLE enrollments ADD COLUMN withdrawal_reason text, ADD COLUMN ended_at timestamptz');
    await queryRunner.query("CREATE INDEX enrollments_selected_by_confirm_by ON enrollments (confirm_by) WHERE status = 'selected'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX enrollments_selected_by_confirm_by');
    await queryRunner.query('ALTER TABLE enrollments DROP COLUMN withdrawal_reason, DROP COLUMN ended_at');
    await queryRunner.query('ALTER TABLE enrollments DROP CONSTRAINT enrollments_status_check');
    await queryRunner.query(
      "ALTER TABLE enrollments ADD CONSTRAINT enrollments_status_check CHECK (status IN ('rejected', 'selected', 'reserved', 'not-selected', 'confirmed'))",
    );
  }
}
