import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { Caller, CurrentCaller, Operation, UuidParam } from '@sinergi/platform';
import { CertificateVerificationView, EnrollmentDocumentKind, EnrollmentDocumentView, PDF_CONTENT_TYPE } from '@sinergi/contracts';
import { CertificatesService, DocumentFile } from './certificates.service';

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

  @Get(':id/certificate.pdf')
  @Operation('certificates.pdf')
  certificatePdf(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<StreamableFile> {
    return this.download(id, 'certificate', caller);
  }

  @Get(':id/letter.pdf')
  @Operation('letters.pdf')
  letterPdf(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<StreamableFile> {
    return this.download(id, 'letter', caller);
  }

  private async download(id: string, kind: EnrollmentDocumentKind, caller: Caller): Promise<StreamableFile> {
    const file: DocumentFile = await this.certificates.pdfOf(id, kind, caller);
    return new StreamableFile(file.pdf, { type: PDF_CONTENT_TYPE, disposition: `attachment; filename="${file.fileName}"`, length: file.pdf.length });
  }
}
