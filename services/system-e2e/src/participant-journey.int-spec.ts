import type {
  BatchFillChanged,
  BatchListItemView,
  BatchView,
  CertificateVerificationView,
  ClassRegisterView,
  EnrollmentDocumentView,
  EnrollmentView,
  InstructorDetailView,
  ParticipantView,
  RecipientView,
  VenueState,
} from '@sinergi/contracts';
import { addDays, todayInWib } from '@sinergi/contracts';
import { MessageSinks, startMessageSinks, waitFor } from '@sinergi/testing';
import { call, expectCreated } from './http';
import { MAY, MODULE, signAndLaunch } from './programme-setup';
import { RunningSystem } from './running-system';

const OFFICIAL_DOMAIN = 'sinergi.kemnaker.go.id';
const VENUE = 'BLK-JOURNEY';
const INSTRUCTOR_PHONE = '+6281200009001';
const OPERATOR_EMAIL = 'operator@blk-journey.contoh.go.id';

/** Sample people, not real ones. A NIK of Kota Bandung (3273 05), born 12-03-1985; serial 9999 is what the stub registry does not match. */
interface Person {
  name: string;
  serial: string;
  phone: string;
  language: 'id' | 'en';
  participantId?: string;
  enrollmentId?: string;
}

function person(index: number, overrides: Partial<Person> = {}): Person {
  return {
    name: `Peserta Perjalanan ${index}`,
    serial: String(index).padStart(4, '0'),
    phone: `+62812000010${String(index).padStart(2, '0')}`,
    language: 'id',
    ...overrides,
  };
}

function nikOf(someone: Person): string {
  return `327305120385${someone.serial}`;
}

function jakartaDay(offsetDays: number): string {
  return addDays(todayInWib(), offsetDays);
}

/**
 * One class from the MoU to certificates, every service a real process over Kafka and PostgreSQL, every message
 * read back from the SMTP and provider sinks. Days cannot pass in a test: where the journey needs them to (a
 * confirm-by day, the reminder time, the class days), the test moves the date in the owning service's database, as
 * the calendar would, and the services' own timers do the rest.
 */
describe("a participant's journey across all services (processes, Kafka, PostgreSQL, SMTP and provider sinks)", () => {
  let system: RunningSystem;
  let sinks: MessageSinks;
  let batchId: string;
  const url = (service: Parameters<RunningSystem['url']>[0], path: string) => `${system.url(service)}${path}`;

  // Four seats and one reserve: P1-P4 get seats, P5 the reserve place, P7 nothing; P6 fails the identity check.
  const people = [person(1), person(2, { language: 'en' }), person(3), person(4), person(5), person(6, { serial: '9999' }), person(7)];
  const [p1, p2, p3, p4, p5, p6, p7] = people;

  /** Everything the sinks caught for a phone number (WhatsApp first in the channel order), as one text per message. */
  const messagesTo = (phone: string) => sinks.providerMessagesTo(phone).map((message) => message.text);
  const waitForMessage = (phone: string, fragment: string) =>
    waitFor(`a message to ${phone} saying "${fragment}"`, () => messagesTo(phone).some((text) => text.includes(fragment)), {
      timeoutMs: 60_000,
    });

  async function enrollment(someone: Person): Promise<EnrollmentView> {
    return (await call<EnrollmentView>('GET', url('enrollment', `/enrollments/${someone.enrollmentId}`))).body;
  }

  async function untilStatus(someone: Person, status: EnrollmentView['status']): Promise<EnrollmentView> {
    return waitFor(`${someone.name} to be ${status}`, async () => {
      const found = await enrollment(someone);
      return found.status === status && found;
    });
  }

  beforeAll(async () => {
    sinks = await startMessageSinks();
    system = await RunningSystem.start(['program', 'venue-capacity', 'instructor-module', 'enrollment', 'notification'], {
      ...sinks.env(),
      BATCH_REPLY_TIMEOUT_MS: '60000',
      NOTIFICATION_RETRY_BASE_MS: '200',
      NOTIFICATION_RETRY_MAX_MS: '1000',
    });
    const programmeId = await signAndLaunch(
      { program: url('program', ''), instructors: url('instructor-module', '') },
      {
        selectionPolicy: 'first-come-first-served',
        classDays: 3,
        classSize: 4,
        reservesPerClass: 1,
        minimumQuorum: 2,
        confirmByDaysBeforeStart: 3,
      },
    );
    await expectCreated<RecipientView>('PUT', url('notification', `/recipients/venue-operators/${VENUE}`), {
      fullName: 'Operator BLK Journey',
      email: OPERATOR_EMAIL,
    });
    await expectCreated<VenueState>('POST', url('venue-capacity', '/venues'), {
      venueCode: VENUE,
      name: 'BLK Contoh Journey',
      kind: 'BLK',
      provinceCode: '32',
      city: 'Kota Bandung',
      rooms: [{ roomCode: 'R1', name: 'Ruang 1', seats: 20 }],
      closedDays: [],
      sample: true,
    });
    await expectCreated<InstructorDetailView>('POST', url('instructor-module', '/instructors'), {
      externalRef: 'E2E-JOURNEY',
      fullName: 'Instruktur Perjalanan',
      phone: INSTRUCTOR_PHONE,
      homeProvinceCode: '32',
      competencies: [MODULE],
      maxClassesPerPeriod: 5,
      active: true,
    });
    const planned = await waitFor('program to know the venue', async () => {
      const response = await call<BatchListItemView>('POST', url('program', `/programmes/${programmeId}/batches`), {
        venueCode: VENUE,
        startDate: `${MAY}-12`,
      });
      return response.status === 201 && response.body;
    });
    batchId = planned.id;
    await waitFor(
      'the class confirmed',
      async () => (await call<BatchView>('GET', url('program', `/batches/${batchId}`))).body.status === 'confirmed',
      { timeoutMs: 60_000 },
    );

    for (const someone of people) {
      const registered = await expectCreated<ParticipantView>('POST', url('enrollment', '/participants'), {
        nik: nikOf(someone),
        fullName: someone.name,
        birthDate: '1985-03-12',
        gender: 'M',
        phone: someone.phone,
        language: someone.language,
        provinceCode: '32',
        business: { scale: 'micro', sector: 'kuliner' },
      });
      someone.participantId = registered.id;
    }
    // Seats go first come, first served: each enrolls once the enrollment service knows the class, in turn.
    await waitFor(
      'enrollment to know the class',
      async () => (await call('GET', url('enrollment', `/batches/${batchId}/fill`))).status === 200,
    );
    for (const someone of people) {
      const enrolled = await expectCreated<EnrollmentView>(
        'POST',
        url('enrollment', '/enrollments'),
        { participantId: someone.participantId, programmeId },
        { 'idempotency-key': `journey-${someone.serial}` },
      );
      someone.enrollmentId = enrolled.id;
      await waitFor(`${someone.name}'s identity check`, async () => (await enrollment(someone)).status !== 'pending-identity');
    }
  }, 300_000);

  afterAll(async () => {
    await system?.stop();
    await sinks?.close();
  });

  it('tells the instructor and the venue operator about the class', async () => {
    await waitForMessage(INSTRUCTOR_PHONE, MODULE);
    const [operatorEmail] = await sinks.waitForEmails(OPERATOR_EMAIL);
    expect(operatorEmail.text).toContain('BLK Contoh Journey');
  });

  it('seats four, puts one on the reserve list, refuses the unmatched identity and turns the last away, telling each', async () => {
    expect(await Promise.all(people.map(async (someone) => (await enrollment(someone)).status))).toEqual([
      'selected',
      'selected',
      'selected',
      'selected',
      'reserved',
      'rejected',
      'not-selected',
    ]);
    await waitForMessage(p1.phone, 'Lakukan daftar ulang paling lambat');
    await waitForMessage(p2.phone, 'Please confirm it by');
    await waitForMessage(p5.phone, 'urutan 1');
    await waitForMessage(p6.phone, 'belum memenuhi syarat');
    await waitForMessage(p7.phone, 'sudah terisi');
  });

  it('confirms seats, expires the one not confirmed in time and promotes the reserve, who confirms', async () => {
    for (const someone of [p1, p2, p3])
      expect((await call('POST', url('enrollment', `/enrollments/${someone.enrollmentId}/confirm`))).status).toBe(200);
    // P4 lets the confirm-by day pass.
    await system.query('enrollment', 'UPDATE enrollments SET confirm_by = $2 WHERE id = $1', [p4.enrollmentId, jakartaDay(-1)]);
    await untilStatus(p4, 'expired');
    await untilStatus(p5, 'selected');
    expect((await call('POST', url('enrollment', `/enrollments/${p5.enrollmentId}/confirm`))).status).toBe(200);

    await waitForMessage(p4.phone, 'kursi Anda diberikan kepada peserta cadangan');
    await waitForMessage(p5.phone, 'kini untuk Anda');
    const fill = (await call<BatchFillChanged>('GET', url('enrollment', `/batches/${batchId}/fill`))).body;
    expect(fill).toMatchObject({ seats: 4, selected: 4, confirmed: 4, reserved: 0, quorumMet: true });
    await waitFor('program to see the fill', async () => {
      const [row] = await system.query<{ confirmed: number }>('program', 'SELECT fill_confirmed AS confirmed FROM batches WHERE id = $1', [
        batchId,
      ]);
      return row?.confirmed === 4;
    });
  });

  it('cancels the confirm-by reminder of the expired seat and sends start reminders when they fall due', async () => {
    const reminders = () =>
      system.query<{ recipient: string; template: string; status: string }>(
        'notification',
        `SELECT recipient_id AS recipient, template, status FROM deliveries WHERE template IN ('confirm-by-reminder', 'start-reminder') ORDER BY template, recipient_id`,
      );
    await waitFor(
      'a start reminder planned for each confirmed participant',
      async () => (await reminders()).filter((row) => row.template === 'start-reminder' && row.status === 'scheduled').length === 4,
    );
    expect((await reminders()).find((row) => row.template === 'confirm-by-reminder' && row.recipient === p4.participantId)?.status).toBe(
      'cancelled',
    );

    // The day before the class: the reminders fall due.
    await system.query(
      'notification',
      `UPDATE deliveries SET next_attempt_at = now() WHERE template = 'start-reminder' AND status = 'scheduled'`,
    );
    for (const someone of [p1, p3, p5]) await waitForMessage(someone.phone, 'Sampai jumpa!');
    await waitForMessage(p2.phone, 'See you there!');
    expect(messagesTo(p4.phone).some((text) => text.includes('Sampai jumpa!'))).toBe(false);
  });

  it('records attendance, completes the class, and issues certificates and a participation letter that anyone can verify', async () => {
    const days = [jakartaDay(-3), jakartaDay(-2), jakartaDay(-1)];
    // The class's three days pass: enrollment and program see them as past days.
    await system.query('enrollment', 'UPDATE batches SET start_date = $2, end_date = $3, class_dates = $4 WHERE id = $1', [batchId, days[0], days[2], days]);
    for (const day of days) {
      const records = [p1, p2, p3, p5].map((someone) => ({
        enrollmentId: someone.enrollmentId,
        present: someone !== p5 || day !== days[2],
      }));
      await expectCreated<ClassRegisterView>('PUT', url('enrollment', `/batches/${batchId}/attendance/${day}`), { records });
    }
    await system.query('program', 'UPDATE batches SET start_date = $2, end_date = $3, class_dates = $4 WHERE id = $1', [batchId, days[0], days[2], days]);
    await waitFor(
      'the class completed',
      async () => (await call<BatchView>('GET', url('program', `/batches/${batchId}`))).body.status === 'completed',
      { timeoutMs: 30_000 },
    );

    const document = (someone: Person) =>
      waitFor(`${someone.name}'s certificate or letter`, async () => {
        const response = await call<EnrollmentDocumentView>('GET', url('enrollment', `/enrollments/${someone.enrollmentId}/certificate`));
        return response.status === 200 && response.body;
      });
    const certificate = await document(p1);
    expect(certificate).toMatchObject({ kind: 'certificate', attendedDays: 3, classDays: 3 });
    expect(await document(p5)).toMatchObject({ kind: 'letter', attendedDays: 2, classDays: 3, verificationCode: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{10}$/) });
    const verified = (await call<CertificateVerificationView>('GET', url('enrollment', `/certificates/verify/${certificate.verificationCode}`))).body;
    expect(verified).toMatchObject({ valid: true, certificateNumber: certificate.number });
    expect(JSON.stringify(verified)).toContain(p1.name);
    expect(JSON.stringify(verified)).not.toContain(nikOf(p1));
    expect((await call('GET', url('enrollment', '/certificates/verify/ZZZZZZZZZZ'))).status).toBe(404);

    await waitForMessage(p1.phone, `/portal/verify/${certificate.verificationCode}`);
    await waitForMessage(p1.phone, `/portal/enrollments/${p1.enrollmentId}`);
    await waitForMessage(p2.phone, 'Certificate');
    await waitForMessage(p3.phone, 'Sertifikat');
    await waitForMessage(p5.phone, 'Anda mengikuti 2 dari 3 hari');
  });

  it('sends each message once, names the official domain, and never carries a NIK', () => {
    for (const someone of people) {
      const texts = messagesTo(someone.phone);
      expect(texts.length).toBeGreaterThan(0);
      expect(new Set(texts).size).toBe(texts.length);
      for (const text of texts) {
        expect(text).toContain(OFFICIAL_DOMAIN);
        expect(text).toMatch(/tidak pernah meminta kode OTP atau NIK|never ask for your OTP or NIK/);
        expect(text).not.toContain(nikOf(someone));
      }
    }
    expect(messagesTo(p1.phone).filter((text) => text.includes('Lakukan daftar ulang paling lambat'))).toHaveLength(1);
  });
});
