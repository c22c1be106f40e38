import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateVenueDirectory1732700000200 implements MigrationInterface {
  name = 'CreateVenueDirectory1732700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE directory_venues (
        venue_code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        province_code text NOT NULL,
        city text NOT NULL,
        rooms jsonb NOT NULL,
        closed_days text[] NOT NULL,
        sample boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX directory_venues_province ON directory_venues (province_code)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE directory_venues');
  }
}
