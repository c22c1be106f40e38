/**
 * How a participant signs in to the embedded provider: a one-time code sent through notification to
 * the phone or e-mail address they registered. The sign-in pages ask for the identifier, then the code.
 */
export interface ParticipantSignIn {
  /** Sends a code when the identifier (phone or e-mail) belongs to a participant; answers the same either way. Throws an HttpException 429 when rate-limited. */
  requestCode(identifier: string, clientAddress: string): Promise<void>;
  /** The participant the code was sent to, or undefined when it is wrong, used or expired. */
  verifyCode(identifier: string, code: string, clientAddress: string): Promise<{ participantId: string } | undefined>;
}

export const PARTICIPANT_SIGN_IN = Symbol('PARTICIPANT_SIGN_IN');
