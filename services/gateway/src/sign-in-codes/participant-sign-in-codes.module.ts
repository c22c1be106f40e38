import { Module } from '@nestjs/common';
import { ServiceClientsModule } from '../clients/service-clients.module';
import { PARTICIPANT_SIGN_IN } from '../identity/participant-sign-in';
import { EnrollmentLookup } from './enrollment-lookup.client';
import { SignInCodes } from './sign-in-codes.service';

/** The ParticipantSignIn port, by one-time codes sent through notification. */
@Module({
  imports: [ServiceClientsModule],
  providers: [EnrollmentLookup, SignInCodes, { provide: PARTICIPANT_SIGN_IN, useExisting: SignInCodes }],
  exports: [PARTICIPANT_SIGN_IN],
})
export class ParticipantSignInCodesModule {}
