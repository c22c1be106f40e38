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
    expect(validator.check({ ...envelope, type: 'Nope' })).toEqual({ valid: false, reason: 'type: unknown event type Nope', unknownType: 'Nope' });
    expect(validator.decode(Buffer.from('{'))).toEqual({ valid: false, reason: 'message value is not JSON' });
    expect(validator.decode(null)).toEqual({ valid: false, reason: 'message has no value' });
  });

  it('takes any CloudEvents id: a UUID, a URN, a producer\'s own; never an empty one or one with control characters', () => {
    for (const id of ['urn:uuid:5f0c2a4e-8f7e-4b8e-9a57-3c1b2b7d9e10', 'KEMNAKER-2025-000123', 'x']) {
      expect(validator.check({ ...envelope, id }).valid).toBe(true);
    }
    for (const id of ['', 'a\u0000b', 'line\nbreak']) {
      expect(validator.check({ ...envelope, id }).valid).toBe(false);
    }
  });

  it('refuses a payload field its schema does not name when producing, and lets it through when consuming', () => {
    const evolved = { ...envelope, data: { ...envelope.data, signedBy: 'a field from a newer producer', parties: envelope.data.parties.map((party) => ({ ...party, since: 2025 })) } };
    const produced = validator.check(evolved);
    expect(!produced.valid && produced.reason).toMatch(/must NOT have additional properties/);
    expect(new EventValidator(EVENT_CATALOG, 'consume').check(evolved)).toEqual({ valid: true, envelope: evolved });
  });

  it('is as strict about everything else when consuming', () => {
    const consuming = new EventValidator(EVENT_CATALOG, 'consume');
    const { number: _number, ...withoutNumber } = envelope.data;
    expect(consuming.check({ ...envelope, data: withoutNumber }).valid).toBe(false);
    expect(consuming.check({ ...envelope, data: { ...envelope.data, signedOn: 'soon' } }).valid).toBe(false);
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

  it('names a field with NUL or another control character, with the rule no-control-characters', () => {
    expect(check({ code: 'B\u0000LK', seats: 16 })).toEqual([
      { field: '/code', rule: 'no-control-characters' },
      { field: '/code', rule: 'must match pattern "^[A-Z]+$"' },
    ]);
  });
});
