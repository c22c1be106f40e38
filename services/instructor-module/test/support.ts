import { randomUUID } from 'node:crypto';
import { BatchPlanned, TOPICS } from '@sinergi/contracts';
import { ServiceHarness } from '@sinergi/testing';
import { instructorModuleService } from '../src/instructor-module.service-definition';

/** The instructor-module in this process, on its own database and topic namespace. */
export class InstructorModuleHarness extends ServiceHarness {
  static async start(): Promise<InstructorModuleHarness> {
    return new InstructorModuleHarness(
      await ServiceHarness.open(instructorModuleService, [
        TOPICS.instructorAssignments,
        TOPICS.instructorCatalogue,
        TOPICS.kemenumkmRosterResults,
      ]),
    );
  }

  /** The types of the events published for one class, in topic order. */
  typesFor(batchId: string): string[] {
    return this.eventsAbout(TOPICS.instructorAssignments, batchId).map((envelope) => envelope.type);
  }
}

let instructorSeq = 0;

/** A valid registration; the name and contact details are sample data. */
export function instructorBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  instructorSeq += 1;
  return {
    externalRef: `UMKM-INS-${randomUUID().slice(0, 8)}`,
    fullName: `Instruktur Contoh ${instructorSeq}`,
    email: `instruktur${instructorSeq}@contoh.umkm.go.id`,
    phone: `08123456${String(instructorSeq).padStart(4, '0')}`,
    homeProvinceCode: '32',
    competencies: ['KWU-01'],
    maxClassesPerPeriod: 4,
    active: true,
    ...overrides,
  };
}

export function batchPlanned(overrides: Partial<BatchPlanned> = {}): BatchPlanned {
  return {
    batchId: randomUUID(),
    programmeId: '5b4c1f0e-6a7d-4e2b-9c3a-1d2e3f4a5b6c',
    moduleCode: 'KWU-01',
    provinceCode: '32',
    venueCode: 'BBPVP-BANDUNG',
    startDate: '2025-05-05',
    endDate: '2025-05-09',
    seats: 16,
    reserves: 2,
    minimumQuorum: 12,
    confirmBy: '2025-04-28',
    replyBy: '2025-04-20T00:00:00.000Z',
    ...overrides,
  };
}
