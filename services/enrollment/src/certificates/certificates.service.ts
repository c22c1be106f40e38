import { Injectable } from '@nestjs/common';
import { Caller, NotFound } from '@sinergi/platform';
import { DataSource } from 'typeorm';
import type { CertificateVerificationView, EnrollmentDocumentView } from '@sinergi/contracts';
import { EnrollmentConfig } from '../enrollment.config';
import { Certificate } from './certificate.entity';
import { normalizeVerificationCode } from './certificate.rules';

/** One message for every code that names no certificate, so the answer never hints which codes exist. */
const UNKNOWN_CODE = { field: 'code', rule: 'exists', message: 'no certificate has this verification code; check it against the certificate (10 characters)' };

@Injectable()
export class CertificatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: EnrollmentConfig,
  ) {}

  async verify(typed: string): Promise<CertificateVerificationView> {
    const code = normalizeVerificationCode(typed);
    if (!code) throw new NotFound(UNKNOWN_CODE);
    const [found] = await this.dataSource.query<
      Array<{ number: string; holderName: string; programme: string; startDate: string; endDate: string; issuedAt: Date }>
    >(
      `SELECT c.number, p.full_name AS "holderName", g.name AS programme, b.start_date::text AS "startDate",
              b.end_date::text AS "endDate", c.issued_at AS "issuedAt"
         FROM certificates c
         JOIN participants p ON p.id = c.participant_id
         JOIN batches b ON b.id = c.batch_id
         JOIN programmes g ON g.id = c.programme_id
        WHERE c.verification_code = $1`,
      [code],
    );
    if (!found) throw new NotFound(UNKNOWN_CODE);
    return {
      valid: true,
      certificateNumber: found.number,
      holderName: found.holderName,
      programme: found.programme,
      classStartDate: found.startDate,
      classEndDate: found.endDate,
      issuedAt: found.issuedAt.toISOString(),
    };
  }

  /** The certificate or participation letter of an enrollment. */
  async ofEnrollment(enrollmentId: string, caller: Caller): Promise<EnrollmentDocumentView> {
    const document = await this.dataSource.getRepository(Certificate).findOneBy({ enrollmentId });
    if (!document) throw new NotFound({ field: 'enrollmentId', rule: 'issued', message: `no certificate or participation letter has been issued for enrollment ${enrollmentId}` });
    caller.assertReaches({ participantId: document.participantId }, 'id');
    const code = document.verificationCode;
    return {
      enrollmentId,
      kind: document.kind,
      number: document.number,
      verificationCode: code,
      verificationUrl: code ? `https://${this.config.OFFICIAL_DOMAIN}/verify/${code}` : null,
      batchId: document.batchId,
      attendedDays: document.attendedDays,
      classDays: document.classDays,
      issuedAt: document.issuedAt.toISOString(),
    };
  }
}
