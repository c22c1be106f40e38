import { Injectable } from '@nestjs/common';
import { Caller, Conflict, NotFound } from '@sinergi/platform';
import { DataSource } from 'typeorm';
import type { CertificateVerificationView, EnrollmentDocumentKind, EnrollmentDocumentView } from '@sinergi/contracts';
import { EnrollmentConfig } from '../enrollment.config';
import { Certificate } from './certificate.entity';
import { normalizeVerificationCode, verificationUrlOf } from './certificate.rules';
import { fileNameOf, renderDocumentPdf } from './document-pdf';

/** A rendered document and the name it is saved under. */
export interface DocumentFile {
  fileName: string;
  pdf: Buffer;
}

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
      Array<{ kind: EnrollmentDocumentKind; number: string; holderName: string; programme: string; startDate: string; endDate: string; issuedAt: Date }>
    >(
      `SELECT c.kind, c.number, p.full_name AS "holderName", g.name AS programme, b.start_date::text AS "startDate",
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
      kind: found.kind,
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
      verificationUrl: code ? verificationUrlOf(this.config.PORTAL_PUBLIC_URL, code) : null,
      batchId: document.batchId,
      attendedDays: document.attendedDays,
      classDays: document.classDays,
      issuedAt: document.issuedAt.toISOString(),
    };
  }

  /**
   * The certificate or the participation letter of an enrollment as a PDF. 404 for an unknown enrollment; 403 for
   * another participant's; 409 while none is issued (the class has not completed) or when the other kind was issued.
   */
  async pdfOf(enrollmentId: string, kind: EnrollmentDocumentKind, caller: Caller): Promise<DocumentFile> {
    const [found] = await this.dataSource.query<
      Array<{
        participantId: string;
        kind: EnrollmentDocumentKind | null;
        number: string | null;
        verificationCode: string | null;
        holderName: string;
        programme: string | null;
        venueCode: string | null;
        startDate: string | null;
        endDate: string | null;
        attendedDays: number | null;
        classDays: number | null;
        issuedAt: Date | null;
      }>
    >(
      `SELECT e.participant_id AS "participantId", c.kind, c.number, c.verification_code AS "verificationCode",
              p.full_name AS "holderName", g.name AS programme, b.venue_code AS "venueCode",
              b.start_date::text AS "startDate", b.end_date::text AS "endDate",
              c.attended_days AS "attendedDays", c.class_days AS "classDays", c.issued_at AS "issuedAt"
         FROM enrollments e
         JOIN participants p ON p.id = e.participant_id
         LEFT JOIN certificates c ON c.enrollment_id = e.id
         LEFT JOIN batches b ON b.id = c.batch_id
         LEFT JOIN programmes g ON g.id = c.programme_id
        WHERE e.id = $1`,
      [enrollmentId],
    );
    if (!found) throw new NotFound({ field: 'id', rule: 'exists', message: `no enrollment has the id ${enrollmentId}` });
    caller.assertReaches({ participantId: found.participantId }, 'id');
    const wanted = kind === 'certificate' ? 'certificate' : 'participation letter';
    if (!found.kind || !found.number || !found.issuedAt) {
      throw new Conflict({ field: 'id', rule: 'issued', message: `no ${wanted} has been issued yet: documents are issued when the class completes` });
    }
    if (found.kind !== kind) {
      const other = found.kind === 'certificate' ? 'a certificate (certificate.pdf)' : 'a participation letter (letter.pdf)';
      throw new Conflict({ field: 'id', rule: 'kind', message: `this enrollment was issued ${other}, not a ${wanted}` });
    }
    const code = found.verificationCode;
    const pdf = await renderDocumentPdf({
      kind,
      number: found.number,
      holderName: found.holderName,
      programme: found.programme ?? '',
      venueCode: found.venueCode ?? '',
      classStartDate: found.startDate ?? '',
      classEndDate: found.endDate ?? '',
      attendedDays: found.attendedDays ?? 0,
      classDays: found.classDays ?? 0,
      issuedAt: found.issuedAt,
      verificationCode: code,
      verificationUrl: code ? verificationUrlOf(this.config.PORTAL_PUBLIC_URL, code) : null,
    });
    return { fileName: fileNameOf(kind, found.number), pdf };
  }
}
