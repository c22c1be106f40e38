import { randomInt } from 'node:crypto';
import { ParticipantLookupView, ParticipantView, Principal, Problem } from '@sinergi/contracts';
import { EnrollmentHarness, participantBody } from './support';

/** The gateway's sign-in principal: a reserved subject and no role. */
const SIGN_IN: Principal = { subject: 'gateway:sign-in', roles: [], venueCodes: [] };

describe('enrollment participants.lookup for the gateway sign-in (real Kafka, real PostgreSQL)', () => {
  let harness: EnrollmentHarness;

  beforeAll(async () => {
    harness = await EnrollmentHarness.start();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  const lookup = (identifier: unknown, as: Principal = SIGN_IN) =>
    harness.request<ParticipantLookupView & Problem>('POST', '/participants/lookup', { identifier }, {}, as);

  async function registered(): Promise<ParticipantView & { digits: string }> {
    const digits = String(randomInt(10_000_000, 99_999_999));
    const created = await harness.request<ParticipantView>('POST', '/participants', participantBody({ phone: `0812 ${digits}`, email: `Lookup.${digits}@Contoh.id` }));
    expect(created.status).toBe(201);
    return { ...created.body, digits };
  }

  it('finds a participant by their phone in any form, or their e-mail whatever its case', async () => {
    const participant = await registered();
    for (const identifier of [`0812${participant.digits}`, `62812${participant.digits}`, `+62 812-${participant.digits}`, `lookup.${participant.digits}@contoh.id`]) {
      expect(await lookup(identifier)).toEqual({ status: 200, body: { participantId: participant.id } });
    }
  });

  it('answers 404 for a phone or e-mail nobody registered, and 400 for neither', async () => {
    expect((await lookup('+6281200000001')).status).toBe(404);
    expect((await lookup('nobody@contoh.id')).status).toBe(404);
    const neither = await lookup('not a contact');
    expect([neither.status, neither.body.errors]).toEqual([400, [expect.objectContaining({ field: 'identifier', rule: 'phone-or-email' })]]);
  });

  it('refuses every other principal: staff, the participant, the reserved subject with a role', async () => {
    const participant = await registered();
    const others: Principal[] = [
      { subject: 'test-staff', roles: ['kemnaker-admin', 'kemenumkm-admin', 'integration-operator'], venueCodes: [] },
      { subject: participant.id, roles: ['participant'], venueCodes: [], participantId: participant.id },
      { subject: 'gateway:sign-in', roles: ['viewer'], venueCodes: [] },
      { subject: 'gateway:other', roles: [], venueCodes: [] },
    ];
    for (const principal of others) {
      const refused = await lookup(participant.phone, principal);
      expect([principal.subject, refused.status, refused.body.errors?.[0]?.rule]).toEqual([principal.subject, 403, 'allowed-role']);
    }
    const anonymous = await harness.request('POST', '/participants/lookup', { identifier: participant.phone }, {}, null);
    expect(anonymous.status).toBe(401);
  });
});
