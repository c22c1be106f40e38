import { Module } from '@nestjs/common';
import { CertificateVerificationController, EnrollmentCertificateController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { Completion } from './completion.service';
import { CompletionConsumer } from './completion.consumer';

@Module({
  controllers: [CertificateVerificationController, EnrollmentCertificateController, CompletionConsumer],
  providers: [CertificatesService, Completion],
})
export class CertificatesModule {}
