import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { CertificatesService, CertificateVerification, DocumentView } from './certificates.service';

/** Public: anyone holding a certificate's code can check it. */
@Controller('certificates')
export class CertificateVerificationController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('verify/:code')
  verify(@Param('code') code: string): Promise<CertificateVerification> {
    return this.certificates.verify(code);
  }
}

@Controller('enrollments')
export class EnrollmentCertificateController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get(':id/certificate')
  ofEnrollment(@Param('id', new ParseUUIDPipe()) id: string): Promise<DocumentView> {
    return this.certificates.ofEnrollment(id);
  }
}
