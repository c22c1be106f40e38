import { MigrationInterface, QueryRunner } from 'typeorm';

/** The teaching days a class is held on (program skips weekends, national holidays and cuti bersama). */
export class AddClassDates1732700000394 implements MigrationInterface {
  name = 'AddClassDates1732700000394';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE batches ADD COLUMN class_dates text[]');
    // Classes confirmed before were held on every day from their start to their end.
    await queryRunner.query(`
      UPDATE batches
         SET class_dates = ARRAY(SELECT to_char(day, 'YYYY-MM-DD') FROM generate_series(start_date, end_date, interval '1 day') AS day)`);
    await queryRunner.query('ALTER TABLE batches ALTER COLUMN class_dates SET NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE batches DROP COLUMN class_dates');
  }
}
