import { defineEvent, PayloadOf } from '../event-definition';
import { s, SchemaValue } from '../schema';
import { TOPICS } from '../topics';

export const PARTY_ROLES = ['venues', 'instructors', 'training-modules', 'participants', 'funding'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

const topic = TOPICS.programAgreements.name;
const party = s.object({
  /** Short code of the party, e.g. KEMNAKER or KEMENUMKM. Parties are data, never code. */
  code: s.partyCode(),
  name: s.string(200),
  roles: s.setOf(s.oneOf(PARTY_ROLES)),
});
export type AgreementParty = SchemaValue<typeof party>;

export const agreementSignedEvent = defineEvent(
  'AgreementSigned',
  topic,
  'An MoU or a PKS was signed by its parties.',
  s.object(
    {
      agreementId: s.uuid(),
      kind: s.oneOf(['MOU', 'PKS']),
      number: s.string(100),
      title: s.string(500),
      signedOn: s.date(),
      validUntil: s.date(),
      /** The MoU a PKS implements; absent for an MoU. */
      parentAgreementId: s.uuid(),
      /** The most participants programmes under this PKS may serve together. */
      participantCeiling: s.integer(1),
      parties: s.array(party, 2),
    },
    ['validUntil', 'parentAgreementId', 'participantCeiling'],
  ),
);
export type AgreementSigned = PayloadOf<typeof agreementSignedEvent>;

export const agreementAmendedEvent = defineEvent(
  'AgreementAmended',
  topic,
  'An agreement was amended: its end date or its participant ceiling changed.',
  s.object(
    { agreementId: s.uuid(), amendedOn: s.date(), reason: s.string(500), validUntil: s.date(), participantCeiling: s.integer(1) },
    ['validUntil', 'participantCeiling'],
  ),
);
export type AgreementAmended = PayloadOf<typeof agreementAmendedEvent>;

export const agreementEndedEvent = defineEvent(
  'AgreementEnded',
  topic,
  'An agreement ended before or at its term; no new programme may start under it.',
  s.object({ agreementId: s.uuid(), endedOn: s.date(), reason: s.string(500) }),
);
export type AgreementEnded = PayloadOf<typeof agreementEndedEvent>;
