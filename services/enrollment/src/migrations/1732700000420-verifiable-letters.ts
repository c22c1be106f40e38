import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participation letters get a verification code too (anyone can check a letter as a certificate): a certificate still
 * must have one, a letter may (those issued before have none). The down gives earlier letters' rule back, dropping the
 * codes of letters.
 */
export class VerifiableLetters1732700000420 implements MigrationInterface {
  name = 'VerifiableLetters1732700000420';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE certificates DROP CONSTRAINT certificates_code_iff_certificate');
    await queryRunner.query(`ALTER TABLE certificates ADD CONSTRAINT certificates_certificate_has_code CHECK (kind <> 'certificate' OR verification_code IS NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE certificates DROP CONSTRAINT certificates_certificate_has_code');
    await queryRunner.query(`UPDATE certificates SET verification_code = NULL WHERE kind = 'letter'`);
    await queryRunner.query(`ALTER TABLE certificates ADD CONSTRAINT certificates_code_iff_certificate CHECK ((kind = 'certificate') = (verification_code IS NOT NULL))`);
  }
}
