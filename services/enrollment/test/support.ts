import { randomBytes, randomUUID } from 'node:crypto';
import { BatchConfirmed, ProgrammeLaunched, TOPICS } from '@sinergi/contracts';
import { HttpResult, ServiceHarness, waitFor } from '@sinergi/testing';
import { enrollmentService } from '../src/enrollment.service-definition';

/** The enrollment service in this process, on its own database and topic namespace, with fresh NIK keys. */
export class EnrollmentHarness extends ServiceHarness {
  static async start(): Promise<EnrollmentHarness> {
    const keys = { NIK_ENCRYPTION_KEY: randomBytes(32).toString('base64'), NIK_INDEX_KEY: randomBytes(32).toString('base64') };
    return new EnrollmentHarness(await ServiceHarness.open(enrollmentService, [TOPICS.enrollments, TOPICS.batchFill], keys));
  }

  enroll<T>(body: Record<string, unknown>, key: string = randomUUID()): Promise<HttpResult<T>> {
    return this.request<T>('POST', '/enrollments', body, { 'idempotency-key': key });
  }

  /** Launches a programme and confirms classes for it, and waits until enrollment has both. */
  async launch(programme: ProgrammeLaunched, ...batches: BatchConfirmed[]): Promise<void> {
    await this.publish(
      { type: 'ProgrammeLaunched', subject: programme.programmeId, data: programme },
      ...batches.map((batch) => ({ type: 'BatchConfirmed', subject: batch.batchId, data: batch })),
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
