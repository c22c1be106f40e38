import { defineEvent, PayloadOf } from '../event-definition';
import { s } from '../schema';
import { sealedPayloadSchema } from '../sealed-payload';
import { TOPICS } from '../topics';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What a contact card holds once unsealed (CONTACT_SEAL_KEY, bound to the participant or instructor id). */
export interface ContactCard {
  fullName: string;
  /** E.164 */
  phone?: string;
  email?: string;
}

export const participantContactChangedEvent = defineEvent(
  'ParticipantContactChanged',
  TOPICS.participantContacts.name,
  "A participant's contact card (sealed ContactCard) for notification; the latest per participant id wins.",
  s.object({ participantId: s.uuid(), language: s.oneOf(LANGUAGES), contact: sealedPayloadSchema }),
);
export type ParticipantContactChanged = PayloadOf<typeof participantContactChangedEvent>;

export const instructorContactChangedEvent = defineEvent(
  'InstructorContactChanged',
  TOPICS.instructorContacts.name,
  "An instructor's contact card (sealed ContactCard) for notification; the latest per instructor id wins.",
  s.object({ instructorId: s.uuid(), language: s.oneOf(LANGUAGES), contact: sealedPayloadSchema }),
);
export type InstructorContactChanged = PayloadOf<typeof instructorContactChangedEvent>;
