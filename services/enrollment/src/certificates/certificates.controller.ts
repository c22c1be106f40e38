import { Controller, Get, Param } from '@nestjs/common';
import { Caller, CurrentCaller, Operation, UuidParam } from '@sinergi/platform';
import type { CertificateVerificationView, EnrollmentDocumentView } from '@sinergi/contracts';
import { CertificatesService } from './certificates.service';

/** Public: anyone holding a certificate's code can check it. */
@Controller('certificates')
export class CertificateVerificationController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('verify/:code')
  @Operation('certificates.verify')
  verify(@Param('code') code: string): Promise<CertificateVerificationView> {
    return this.certificates.verify(code);
  }
}

@Controller('enrollments')
export class EnrollmentCertificateController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get(':id/certificate')
  @Operation('certificates.get')
  ofEnrollment(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<EnrollmentDocumentView> {
    return this.certificates.ofEnrollment(id, caller);
  }
}
