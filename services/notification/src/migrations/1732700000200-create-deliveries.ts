import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDeliveries1732700000200 implements MigrationInterface {
  name = 'CreateDeliveries1732700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        recipient text NOT NULL,
        template text NOT NULL,
        status text NOT NULL,
        correlation_id text NOT NULL,
        traceparent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_id, recipient, template)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE deliveries');
  }
}
