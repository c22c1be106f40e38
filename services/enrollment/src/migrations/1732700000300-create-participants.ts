import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateParticipants1732700000300 implements MigrationInterface {
  name = 'CreateParticipants1732700000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE participants (
        id uuid PRIMARY KEY,
        nik_ciphertext bytea NOT NULL,
        nik_index bytea NOT NULL,
        masked_nik text NOT NULL,
        full_name text NOT NULL,
        birth_date date NOT NULL,
        gender text NOT NULL CHECK (gender IN ('F', 'M')),
        phone text NOT NULL,
        email text,
        province_code text NOT NULL,
        business_nib text,
        business_scale text NOT NULL CHECK (business_scale IN ('micro', 'small', 'medium')),
        business_sector text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX participants_nik_index ON participants (nik_index)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE participants');
  }
}
