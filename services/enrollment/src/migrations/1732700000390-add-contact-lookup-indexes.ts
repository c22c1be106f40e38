import { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway's sign-in looks participants up by phone or e-mail (participants.lookup). */
export class AddContactLookupIndexes1732700000390 implements MigrationInterface {
  name = 'AddContactLookupIndexes1732700000390';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX participants_phone_idx ON participants (phone)');
    await queryRunner.query('CREATE INDEX participants_email_idx ON participants (lower(email))');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX participants_email_idx');
    await queryRunner.query('DROP INDEX participants_phone_idx');
  }
}
