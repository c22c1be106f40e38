import { randomBytes, randomUUID } from 'node:crypto';
import { BatchConfirmed, batchConfirmedEvent, EnrollmentView, ParticipantView, ProgrammeLaunched, programmeLaunchedEvent, TOPICS } from '@sinergi/contracts';
import { HarnessParts, HttpResult, ServiceHarness, testSecrets, waitFor } from '@sinergi/testing';
import { enrollmentService } from '../src/enrollment.service-definition';

/**
 * The enrollment service in this process, on its own database and topic namespace, with fresh keys and the stub
 * identity check answering at once (match, unless the NIK serial is 9999); `env` overrides any setting.
 */
export class EnrollmentHarness extends ServiceHarness {
  private constructor(
    parts: HarnessParts,
    /** The settings the service was started with, e.g. its CONTACT_SEAL_KEY. */
    readonly settings: Record<string, string>,
  ) {
    super(parts);
  }

  static async start(env: Record<string, string> = {}): Promise<EnrollmentHarness> {
    const settings = { ...testSecrets(), IDENTITY_CHECK_RETRY_BASE_MS: '50', IDENTITY_CHECK_RETRY_MAX_MS: '200', ...env };
    const topics = [TOPICS.enrollments, TOPICS.batchFill, TOPICS.participantContacts, TOPICS.kemenumkmNominationResults];
    return new EnrollmentHarness(await ServiceHarness.open(enrollmentService, topics, settings), settings);
  }

  /** Registers a participant and waits until the civil registry has answered for them. */
  async registerChecked(body: Record<string, unknown> = participantBody()): Promise<ParticipantView> {
    const created = await this.request<ParticipantView>('POST', '/participants', body);
    if (created.status !== 201) throw new Error(`registration failed: ${created.status} ${JSON.stringify(created.body)}`);
    return this.identityChecked(created.body.id);
  }

  /** Waits until the participant's identity is no longer pending. */
  identityChecked(participantId: string): Promise<ParticipantView> {
    return waitFor(`the identity check of ${participantId}`, async () => {
      const participant = await this.request<ParticipantView>('GET', `/participants/${participantId}`);
      return participant.body.identityStatus !== 'pending' && participant.body;
    });
  }

  /** Registers a checked participant in a province and enrolls them in a class of the programme; the enrollment. */
  async enrolledIn(programmeId: string, batchId: string, provinceCode: string): Promise<EnrollmentView> {
    const participant = await this.registerChecked(participantBody({ provinceCode }));
    const enrollment = await this.enroll({ participantId: participant.id, programmeId, batchId });
    if (enrollment.status !== 201) throw new Error(`enrollment failed: ${enrollment.status} ${JSON.stringify(enrollment.body)}`);
    return enrollment.body;
  }

  /** The body is not typed as SubmitEnrollmentRequest: tests also send malformed ones. */
  enroll<T = EnrollmentView>(body: Record<string, unknown>, key: string = randomUUID()): Promise<HttpResult<T>> {
    return this.request<T>('POST', '/enrollments', body, { 'idempotency-key': key });
  }

  /** Launches a programme and confirms classes for it, and waits until enrollment has both. */
  async launch(programme: ProgrammeLaunched, ...batches: BatchConfirmed[]): Promise<void> {
    await this.publish(
      programmeLaunchedEvent.with(programme.programmeId, programme),
      ...batches.map((batch) => batchConfirmedEvent.with(batch.batchId, batch)),
    );
    await waitFor('programme and classes in enrollment', async () => {
      const [row] = await this.query<{ programmes: number; batches: number }>(
        'SELECT (SELECT count(*)::int FROM programmes WHERE id = $1) AS programmes, (SELECT count(*)::int FROM batches WHERE id = ANY($2)) AS batches',
        [programme.programmeId, batches.map((batch) => batch.batchId)],
      );
      return row.programmes === 1 && row.batches === batches.length;
    });
  }
}

/** A date some days from today, as YYYY-MM-DD. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export function programmeLaunched(overrides: Partial<ProgrammeLaunched> = {}): ProgrammeLaunched {
  return {
    programmeId: randomUUID(),
    agreementId: randomUUID(),
    name: 'Pelatihan Kewirausahaan (sample)',
    periodStart: daysFromNow(30),
    periodEnd: daysFromNow(60),
    targetParticipants: 5000,
    participantCeiling: 10000,
    prioritySegments: ['micro', 'small'],
    selectionPolicy: 'first-come-first-served',
    moduleCode: 'KWU-DASAR',
    classDays: 5,
    classSize: 16,
    reservesPerClass: 2,
    minimumQuorum: 12,
    confirmByDaysBeforeStart: 7,
    ...overrides,
  };
}

export function batchConfirmed(programme: ProgrammeLaunched, overrides: Partial<BatchConfirmed> = {}): BatchConfirmed {
  return {
    batchId: randomUUID(),
    programmeId: programme.programmeId,
    moduleCode: programme.moduleCode,
    provinceCode: '32',
    venueCode: 'BBPVP-BANDUNG',
    roomCode: 'R-101',
    instructorId: randomUUID(),
    startDate: daysFromNow(35),
    endDate: daysFromNow(39),
    seats: programme.classSize,
    reserves: programme.reservesPerClass,
    minimumQuorum: programme.minimumQuorum,
    confirmBy: daysFromNow(28),
    ...overrides,
  };
}

/** Where this file's NIK serials start, so that suites sharing a database server never collide. */
const serialBase = Number.parseInt(randomBytes(2).toString('hex'), 16) % 5000;
let serial = 0;

/**
 * A valid registration with a NIK no other call gives: sample data, not a real person. Born 1985-03-12
 * (a woman's NIK carries day 52), in Jawa Barat.
 */
export function participantBody(overrides: Record<string, unknown> = {}, gender: 'F' | 'M' = 'M'): Record<string, unknown> {
  serial += 1;
  const nik = `327305${gender === 'F' ? '52' : '12'}0385${String(serialBase + serial).padStart(4, '0')}`;
  return {
    nik,
    fullName: `Peserta Contoh ${serial}`,
    birthDate: '1985-03-12',
    gender,
    phone: '0812-3456-7890',
    email: `peserta${serial}@contoh.id`,
    provinceCode: '32',
    business: { nib: '1234567890123', scale: 'micro', sector: 'kuliner' },
    ...overrides,
  };
}
