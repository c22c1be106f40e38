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
  parties: AgreementParty[];
}

export const agreementSignedEvent = {
  type: 'AgreementSigned',
  topic: TOPICS.programAgreements.name,
  description: 'An MoU or a PKS was signed by its parties.',
  schema: {
    $id: 'https://sinergi.kemnaker.go.id/schemas/AgreementSigned.v1.json',
    type: 'object',
    required: ['agreementId', 'kind', 'number', 'title', 'signedOn', 'parties'],
    additionalProperties: false,
    properties: {
      agreementId: { type: 'string', format: 'uuid' },
      kind: { enum: ['MOU', 'PKS'] },
      number: { type: 'string', minLength: 1, maxLength: 100 },
      title: { type: 'string', minLength: 1, maxLength: 500 },
      signedOn: { type: 'string', format: 'date' },
      validUntil: { type: 'string', format: 'date' },
      parentAgreementId: { type: 'string', format: 'uuid' },
      parties: {
        type: 'array',
        minItems: 2,
        items: {
          type: 'object',
          required: ['code', 'name', 'roles'],
          additionalProperties: false,
          properties: {
            code: { type: 'string', pattern: '^[A-Z][A-Z0-9_-]{1,31}$' },
            name: { type: 'string', minLength: 1, maxLength: 200 },
            roles: { type: 'array', uniqueItems: true, items: { enum: [...PARTY_ROLES] } },
          },
        },
      },
    },
  },
} as const;
