import { defineEvent } from '../catalog';
import { s } from '../schema';
import { TOPICS } from '../topics';

export const PARTY_ROLES = ['venues', 'instructors', 'training-modules', 'participants', 'funding'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export interface AgreementParty {
  /** Short code of the party, e.g. KEMNAKER or KEMENUMKM. Parties are data, never code. */
  code: string;
  name: string;
  roles: PartyRole[];
}

export interface AgreementSigned {
  agreementId: string;
  kind: 'MOU' | 'PKS';
  number: string;
  title: string;
  signedOn: string;
  validUntil?: string;
  /** The MoU a PKS implements; absent for an MoU. */
  parentAgreementId?: string;
  /** The most participants programmes under this PKS may serve together. */
  participantCeiling?: number;
  parties: AgreementParty[];
}

export interface AgreementAmended {
  agreementId: string;
  amendedOn: string;
  reason: string;
  validUntil?: string;
  participantCeiling?: number;
}

export interface AgreementEnded {
  agreementId: string;
  endedOn: string;
  reason: string;
}

const topic = TOPICS.programAgreements.name;
const party = s.object({
  code: { type: 'string', pattern: '^[A-Z][A-Z0-9_-]{1,31}$' },
  name: s.string(200),
  roles: { type: 'array', uniqueItems: true, items: s.oneOf(PARTY_ROLES) },
});

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
      parentAgreementId: s.uuid(),
      participantCeiling: s.integer(1),
      parties: s.array(party, 2),
    },
    ['validUntil', 'parentAgreementId', 'participantCeiling'],
  ),
);

export const agreementAmendedEvent = defineEvent(
  'AgreementAmended',
  topic,
  'An agreement was amended: its end date or its participant ceiling changed.',
  s.object(
    { agreementId: s.uuid(), amendedOn: s.date(), reason: s.string(500), validUntil: s.date(), participantCeiling: s.integer(1) },
    ['validUntil', 'participantCeiling'],
  ),
);

export const agreementEndedEvent = defineEvent(
  'AgreementEnded',
  topic,
  'An agreement ended before or at its term; no new programme may start under it.',
  s.object({ agreementId: s.uuid(), endedOn: s.date(), reason: s.string(500) }),
);
