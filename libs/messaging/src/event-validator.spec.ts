import { EVENT_CATALOG } from '@sinergi/contracts';
import { EventValidator, recordValidator } from './event-validator';

const envelope = {
  specversion: '1.0',
  id: '5f0c2a4e-8f7e-4b8e-9a57-3c1b2b7d9e10',
  type: 'AgreementSigned',
  source: '/sinergi/program',
  subject: '0b6a3c55-7f7e-4a0e-8d1c-1f1f4c6f2a11',
  time: '2025-03-25T03:00:00.000Z',
  datacontenttype: 'application/json',
  dataschema: 'https://sinergi.kemnaker.go.id/schemas/AgreementSigned.v1.json',
  correlationid: 'c-1',
  data: {
    agreementId: '0b6a3c55-7f7e-4a0e-8d1c-1f1f4c6f2a11',
    kind: 'MOU',
    number: 'MoU-1',
    title: 'Sinergi Program Pengembangan UMKM',
    signedOn: '2025-03-25',
    parties: [
      { code: 'KEMNAKER', name: 'Kementerian Ketenagakerjaan', roles: ['venues'] },
      { code: 'KEMENUMKM', name: 'Kementerian UMKM', roles: ['instructors'] },
    ],
  },
};

describe('EventValidator', () => {
  const validator = new EventValidator(EVENT_CATALOG);

  it('accepts a valid AgreementSigned', () => {
    expect(validator.decode(Buffer.from(JSON.stringify(envelope)))).toEqual({ valid: true, envelope });
  });

  it('names the envelope attribute that is missing', () => {
    const { id: _id, ...withoutId } = envelope;
    expect(validator.check(withoutId)).toEqual({ valid: false, reason: "envelope / must have required property 'id'" });
  });

  it('names the payload field and the rule it breaks', () => {
    const bad = { ...envelope, data: { ...envelope.data, signedOn: '25-03-2025', parties: [envelope.data.parties[0]] } };
    const result = validator.check(bad);
    expect(result.valid).toBe(false);
    expect(!result.valid && result.reason).toBe('AgreementSigned data/signedOn must match format "date"; data/parties must NOT have fewer than 2 items');
  });

  it('refuses an event type nobody defined, and a value that is not JSON', () => {
    expect(validator.check({ ...envelope, type: 'Nope' })).toEqual({ valid: false, reason: 'type: unknown event type Nope' });
    expect(validator.decode(Buffer.from('{'))).toEqual({ valid: false, reason: 'message value is not JSON' });
    expect(validator.decode(null)).toEqual({ valid: false, reason: 'message has no value' });
  });
});

describe('recordValidator', () => {
  const check = recordValidator({
    type: 'object',
    required: ['code', 'seats'],
    additionalProperties: false,
    properties: { code: { type: 'string', pattern: '^[A-Z]+$' }, seats: { type: 'integer', minimum: 1 } },
  });

  it('accepts a good record', () => {
    expect(check({ code: 'BLK', seats: 16 })).toEqual([]);
  });

  it('names each bad field and its rule, and a missing field by name', () => {
    expect(check({ code: 'blk', seats: 0 })).toEqual([
      { field: '/code', rule: 'must match pattern "^[A-Z]+$"' },
      { field: '/seats', rule: 'must be >= 1' },
    ]);
    expect(check({ code: 'BLK' })).toEqual([{ field: 'seats', rule: "must have required property 'seats'" }]);
  });
});
