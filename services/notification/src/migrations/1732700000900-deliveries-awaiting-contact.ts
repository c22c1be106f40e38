import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery that found no contact card for its recipient (participants, instructors: the card comes as an event of
 * its own and may be behind the decision that messages them) waits for it marked `awaiting_contact`. The card's
 * arrival makes such deliveries due at once, which wakes the dispatcher (see 1732700000800), instead of leaving them
 * to the retry interval. A claimed delivery is no longer marked, so a card arriving mid-send cannot make it due twice;
 * a card arriving between the dispatcher's read and its record is caught by the record, under the recipient's
 * `ADVISORY_LOCKS.recipientContact`, which this trigger takes too. `recipient` is `<kind>:<id>`, as `recipientKey`
 * builds it.
 */
export class DeliveriesAwaitingContact1732700000900 implements MigrationInterface {
  name = 'DeliveriesAwaitingContact1732700000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE deliveries ADD COLUMN awaiting_contact boolean NOT NULL DEFAULT false');
    await queryRunner.query(`
      CREATE FUNCTION deliveries_due_on_contact() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('notification:recipient-contact:' || NEW.kind || ':' || NEW.id, 0));
        UPDATE deliveries SET next_attempt_at = now()
         WHERE recipient = NEW.kind || ':' || NEW.id AND status = 'pending' AND awaiting_contact;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER recipients_contact_makes_deliveries_due AFTER INSERT OR UPDATE OF contact ON recipients
        FOR EACH ROW WHEN (NEW.contact IS NOT NULL)
        EXECUTE FUNCTION deliveries_due_on_contact()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER recipients_contact_makes_deliveries_due ON recipients');
    await queryRunner.query('DROP FUNCTION deliveries_due_on_contact()');
    await queryRunner.query('ALTER TABLE deliveries DROP COLUMN awaiting_contact');
  }
}
