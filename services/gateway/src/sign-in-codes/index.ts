export { ParticipantSignInCodesModule } from './participant-sign-in-codes.module';
export { SignInCodesRateLimited } from './sign-in-codes.service';
export { SIGN_IN_PRINCIPAL } from './enrollment-lookup.client';
