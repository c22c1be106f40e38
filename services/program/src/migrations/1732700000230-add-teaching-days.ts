import { MigrationInterface, QueryRunner } from 'typeorm';

/** A programme's teaching weekdays, and the teaching days each class is held on. */
export class AddTeachingDays1732700000230 implements MigrationInterface {
  name = 'AddTeachingDays1732700000230';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE programmes
        ADD COLUMN teaching_weekdays text[] NOT NULL DEFAULT '{monday,tuesday,wednesday,thursday,friday}'
          CHECK (cardinality(teaching_weekdays) > 0
                 AND teaching_weekdays <@ '{monday,tuesday,wednesday,thursday,friday,saturday,sunday}'::text[])`);
    // Classes planned before were held on every day from their start to their end.
    await queryRunner.query('ALTER TABLE batches ADD COLUMN class_dates text[]');
    await queryRunner.query(`
      UPDATE batches
         SET class_dates = ARRAY(SELECT to_char(day, 'YYYY-MM-DD') FROM generate_series(start_date, end_date, interval '1 day') AS day)`);
    await queryRunner.query(`
      ALTER TABLE batches
        ALTER COLUMN class_dates SET NOT NULL,
        ADD CHECK (class_dates[1] = to_char(start_date, 'YYYY-MM-DD') AND class_dates[cardinality(class_dates)] = to_char(end_date, 'YYYY-MM-DD'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE batches DROP COLUMN class_dates');
    await queryRunner.query('ALTER TABLE programmes DROP COLUMN teaching_weekdays');
  }
}
