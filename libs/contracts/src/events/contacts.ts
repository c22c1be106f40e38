import { defineEvent } from '../catalog';
import { s } from '../schema';
import { SealedPayload, sealedPayloadSchema } from '../sealed';
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

export interface ParticipantContactChanged {
  participantId: string;
  language: Language;
  contact: SealedPayload;
}

export interface InstructorContactChanged {
  instructorId: string;
  language: Language;
  contact: SealedPayload;
}

export const participantContactChangedEvent = defineEvent(
  'ParticipantContactChanged',
  TOPICS.participantContacts.name,
  "A participant's contact card (sealed ContactCard) for notification; the latest per participant id wins.",
  s.object({ participantId: s.uuid(), language: s.oneOf(LANGUAGES), contact: sealedPayloadSchema }),
);

export const instructorContactChangedEvent = defineEvent(
  'InstructorContactChanged',
  TOPICS.instructorContacts.name,
  "An instructor's contact card (sealed ContactCard) for notification; the latest per instructor id wins.",
  s.object({ instructorId: s.uuid(), language: s.oneOf(LANGUAGES), contact: sealedPayloadSchema }),
);
