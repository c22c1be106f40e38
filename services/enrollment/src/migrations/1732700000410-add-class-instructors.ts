import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each class's current instructor, from instructor-module's assignment events. A table of its own rather than a column
 * of batches: the assignment comes on another topic, often before the class is confirmed (and so before its batches row).
 */
export class AddClassInstructors1732700000410 implements MigrationInterface {
  name = 'AddClassInstructors1732700000410';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE class_instructors (
        batch_id uuid PRIMARY KEY,
        assignment_id uuid NOT NULL,
        instructor_id uuid NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE class_instructors');
  }
}
