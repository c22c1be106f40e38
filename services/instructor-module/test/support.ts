import { randomUUID } from 'node:crypto';
import { BatchPlanned, InstructorDetailView, RegisterInstructorRequest, TOPICS } from '@sinergi/contracts';
import { HarnessParts, sampleBatchPlanned, ServiceHarness, testSecrets } from '@sinergi/testing';
import { instructorModuleService } from '../src/instructor-module.service-definition';

/** The instructor-module in this process, on its own database and topic namespace. */
export class InstructorModuleHarness extends ServiceHarness {
  private constructor(
    parts: HarnessParts,
    /** The key notification would hold to open instructors' contact cards. */
    readonly contactSealKey: string,
  ) {
    super(parts);
  }

  static async start(): Promise<InstructorModuleHarness> {
    const { CONTACT_SEAL_KEY } = testSecrets();
    const parts = await ServiceHarness.open(
      instructorModuleService,
      [TOPICS.instructorAssignments, TOPICS.instructorCatalogue, TOPICS.instructorContacts, TOPICS.kemenumkmRosterResults],
      { CONTACT_SEAL_KEY },
    );
    return new InstructorModuleHarness(parts, CONTACT_SEAL_KEY);
  }

  /** Registers instructors (one per override of the sample body) and returns their ids in that order. */
  async registerInstructors(...overrides: Array<Record<string, unknown>>): Promise<string[]> {
    const ids: string[] = [];
    for (const override of overrides) {
      const response = await this.request<InstructorDetailView>('POST', '/instructors', instructorBody(override));
      expect(response.status).toBe(201);
      ids.push(response.body.id);
    }
    return ids;
  }

  /** The types of the events published for one class, in topic order. */
  typesFor(batchId: string): string[] {
    return this.eventsAbout(TOPICS.instructorAssignments, batchId).map((envelope) => envelope.type);
  }
}

let instructorSeq = 0;

/** A valid registration; the name and contact details are sample data. Overrides may also make it malformed. */
export function instructorBody(overrides: Record<string, unknown> = {}): RegisterInstructorRequest {
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
  return sampleBatchPlanned(overrides);
}
