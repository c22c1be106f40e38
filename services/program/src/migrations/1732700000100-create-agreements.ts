import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAgreements1732700000100 implements MigrationInterface {
  name = 'CreateAgreements1732700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE agreements (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('MOU', 'PKS')),
        number text NOT NULL UNIQUE,
        title text NOT NULL,
        signed_on date NOT NULL,
        valid_until date,
        parent_agreement_id uuid REFERENCES agreements (id),
        parties jsonb NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'PKS') = (parent_agreement_id IS NOT NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE agreements');
  }
}
