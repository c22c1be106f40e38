import { defineEvent, PayloadOf } from '../event-definition';
import { s } from '../schema';
import { sealedPayloadSchema } from '../sealed-payload';
import { TOPICS } from '../topics';

/** Which of the participant's registered contacts the code goes to: the kind of identifier they signed in with. */
export const SIGN_IN_CODE_CHANNELS = ['phone', 'email'] as const;
export type SignInCodeChannel = (typeof SIGN_IN_CODE_CHANNELS)[number];

/** What the sealed code holds once unsealed (SIGN_IN_CODE_SEAL_KEY, bound to the participant id). */
export interface SealedSignInCode {
  code: string;
}

export const signInCodeRequestedEvent = defineEvent(
  'SignInCodeRequested',
  TOPICS.signInCodes.name,
  'A participant asked to sign in: notification sends them the one-time code (sealed SealedSignInCode) by phone or e-mail, before it expires.',
  s.object({
    participantId: s.uuid(),
    channel: s.oneOf(SIGN_IN_CODE_CHANNELS),
    code: sealedPayloadSchema,
    expiresAt: s.dateTime(),
  }),
);
export type SignInCodeRequested = PayloadOf<typeof signInCodeRequestedEvent>;
