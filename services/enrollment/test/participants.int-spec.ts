import { ContactCard, ParticipantContactChanged, ParticipantView, Problem, sealKeyFrom, unseal } from '@sinergi/contracts';
import { EnrollmentHarness, participantBody } from './support';
import { problemLines } from '@sinergi/testing';

type ErrorBody = Problem;

describe('enrollment participants (real Kafka, real PostgreSQL)', () => {
  let harness: EnrollmentHarness;
  const logged: string[] = [];
  const writes = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write.bind(stream);
    return { stream, original };
  });

  beforeAll(async () => {
    for (const { stream, original } of writes) {
      stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
        logged.push(chunk.toString());
        return original(chunk, ...rest);
      }) as typeof stream.write;
    }
    harness = await EnrollmentHarness.start();
  });

  afterAll(async () => {
    await harness?.destroy();
    for (const { stream, original } of writes) stream.write = original;
  });

  const register = (body: Record<string, unknown>) => harness.request<ParticipantView & ErrorBody>('POST', '/participants', body);

  it('registers a participant: phone in E.164, and only a masked NIK shown', async () => {
    const body = participantBody({ phone: '0812 3456 7890' }, 'F');
    const created = await register(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ gender: 'F', birthDate: '1985-03-12', phone: '+6281234567890', business: { nib: '1234567890123' } });
    const nik = body.nik as string;
    expect(created.body.maskedNik).toBe(`******520385**${nik.slice(14)}`);

    const fetched = await harness.request<ParticipantView>('GET', `/participants/${created.body.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual({ ...created.body, identityStatus: fetched.body.identityStatus });
    expect(JSON.stringify(fetched.body)).not.toContain(nik);
  });

  it('publishes the contact card sealed: it opens with CONTACT_SEAL_KEY, and its bytes carry no name or phone', async () => {
    const body = participantBody({ fullName: 'Siti Rahmawati Contoh', phone: '081298765432', language: 'en' }, 'F');
    const created = await register(body);
    expect(created.status).toBe(201);
    const [event] = await harness.waitForEvents<ParticipantContactChanged>('ParticipantContactChanged', (data) => data.participantId === created.body.id);
    expect(event.subject).toBe(created.body.id);
    expect(event.data.language).toBe('en');
    const card = unseal<ContactCard>(event.data.contact, [sealKeyFrom(harness.settings.CONTACT_SEAL_KEY)], created.body.id);
    expect(card).toEqual({ fullName: 'Siti Rahmawati Contoh', phone: '+6281298765432', email: body.email });
    const raw = JSON.stringify(event);
    for (const secret of ['Siti', '81298765432', body.email as string, body.nik as string]) expect(raw).not.toContain(secret);
  });

  it('accepts a business without NIB', async () => {
    const created = await register(participantBody({ business: { scale: 'small', sector: 'kerajinan' } }));
    expect(created.status).toBe(201);
    expect(created.body.business).toEqual({ nib: null, scale: 'small', sector: 'kerajinan' });
  });

  it.each([
    ['a NIK of 15 digits', { nik: '327305120385001' }, 'nik: must be exactly 16 digits'],
    ['an unknown province in the NIK', { nik: '2073051203850001' }, 'nik: digits 1-2 are not a Kemendagri province code'],
    ['regency 00', { nik: '3200051203850001' }, 'nik: the regency code (digits 3-4) must not be 00'],
    ['district 00', { nik: '3273001203850001' }, 'nik: the district code (digits 5-6) must not be 00'],
    ['a date that does not exist', { nik: '3273053102850001' }, 'nik: digits 7-12 are not a real date of birth (DDMMYY, with 40 added to the day for women)'],
    ['serial 0000', { nik: '3273051203850000' }, 'nik: the serial number (digits 13-16) must not be 0000'],
    ['another birth date', { birthDate: '1985-03-13' }, 'nik: the birth date in the NIK (digits 7-12) does not match birthDate'],
    ['the other gender', { gender: 'F' }, 'nik: the day in the NIK (digits 7-8) marks a man (day not plus 40), which does not match gender F'],
    ['a NIB of 12 digits', { business: { nib: '123456789012', scale: 'micro', sector: 'kuliner' } }, 'business.nib: must be exactly 13 digits (the NIB from OSS)'],
    ['a landline', { phone: '0215551234' }, 'phone: must be an Indonesian mobile number written 08..., 628... or +628..., with 7-12 digits after the 8'],
    ['a birth date that does not exist', { birthDate: '1985-02-30' }, 'birthDate: must be a real date as YYYY-MM-DD'],
    ['an unknown province', { provinceCode: '20' }, 'provinceCode: must be a Kemendagri province code, e.g. 32 for Jawa Barat'],
    ['an unknown business scale', { business: { scale: 'large', sector: 'kuliner' } }, 'business.scale: must be one of micro, small, medium'],
  ])('refuses %s with a 400 naming the field and the rule', async (_case, overrides, message) => {
    const refused = await register(participantBody({ nik: '3273051203850001', ...overrides }));
    expect(refused.status).toBe(400);
    expect(problemLines(refused.body)).toEqual([message]);
  });

  it('stores the NIK encrypted, never in the clear', async () => {
    const body = participantBody();
    const nik = body.nik as string;
    const created = await register(body);
    const [row] = await harness.query<Record<string, unknown>>('SELECT * FROM participants WHERE id = $1', [created.body.id]);
    const stored = Object.values(row).map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') + value.toString('hex') : String(value)));
    expect(stored.join('|')).not.toContain(nik);
    const [dump] = await harness.query<{ text: string }>("SELECT string_agg(p::text, '|') AS text FROM participants p");
    expect(dump.text).not.toContain(nik);
    expect(dump.text).not.toContain(nik.slice(0, 12));
  });

  it('refuses a second registration of the same NIK with 409', async () => {
    const body = participantBody();
    expect((await register(body)).status).toBe(201);
    const again = await register({ ...body, fullName: 'Orang Lain', phone: '081299998888' });
    expect(again.status).toBe(409);
    expect(problemLines(again.body)).toEqual(['nik: a participant with this NIK is already registered']);
  });

  it('answers 404 for an unknown participant', async () => {
    expect((await harness.request('GET', '/participants/6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b')).status).toBe(404);
  });

  it('never logs a NIK or a phone number', () => {
    const text = logged.join('');
    expect(text).not.toMatch(/\b\d{16}\b/);
    expect(text).not.toMatch(/(\+62|\b0)8\d{8,}/);
  });
});
