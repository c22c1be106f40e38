import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery due at once wakes the dispatcher: NOTIFY deliveries as it is inserted pending, or updated to pending and
 * due (a card arriving for a delivery that waited for it). Held notices, scheduled reminders and retries are found by
 * the dispatcher's poll when their time comes; a claim or a retry moves `next_attempt_at` into the future, so neither
 * notifies. NOTIFY is delivered at commit, and once per transaction however many rows it touched.
 */
export class DeliveriesNotifyWhenDue1732700000800 implements MigrationInterface {
  name = 'DeliveriesNotifyWhenDue1732700000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_deliveries_due() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('deliveries', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER deliveries_notify_when_due AFTER INSERT OR UPDATE OF next_attempt_at ON deliveries
        FOR EACH ROW WHEN (NEW.status = 'pending' AND NEW.next_attempt_at <= now())
        EXECUTE FUNCTION notify_deliveries_due()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER deliveries_notify_when_due ON deliveries');
    await queryRunner.query('DROP FUNCTION notify_deliveries_due()');
  }
}
