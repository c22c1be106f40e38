import { Module } from '@nestjs/common';
import { EnrollmentConfig } from '../enrollment.config';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { ParticipantsModule } from '../participants/participants.module';
import { IdentityCheckPort } from './identity-check.port';
import { IdentityCheckTimer } from './identity-check.timer';
import { StubIdentityCheck } from './stub-identity-check';

/** The civil-registry check: IDENTITY_CHECK_ADAPTER picks the adapter behind IdentityCheckPort. */
@Module({
  imports: [ParticipantsModule, EnrollmentsModule],
  providers: [
    { provide: IdentityCheckPort, inject: [EnrollmentConfig], useFactory: (config: EnrollmentConfig) => new StubIdentityCheck(config) },
    IdentityCheckTimer,
  ],
})
export class IdentityModule {}
