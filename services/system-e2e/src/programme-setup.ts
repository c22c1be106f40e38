import type {
  AgreementView,
  BatchListItemView,
  BatchView,
  InstructorDetailView,
  LaunchProgrammeRequest,
  ProgrammeView,
  SignAgreementRequest,
  TrainingModuleView,
  VenueState,
} from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { call, expectCreated } from './http';

export const PARTIES: SignAgreementRequest['parties'] = [
  { code: 'KEMNAKER', name: 'Kementerian Ketenagakerjaan', roles: ['venues'] },
  { code: 'KEMENUMKM', name: 'Kementerian Usaha Mikro, Kecil, dan Menengah', roles: ['instructors', 'training-modules'] },
];
export const MODULE = 'KWU-DASAR';
/** Classes cannot start in the past: system tests plan next year's May, the programme's month. */
export const MAY = `${new Date().getUTCFullYear() + 1}-05`;

/**
 * What a programme needs before its classes can be planned: the training module at instructor-module,
 * the MoU and its PKS, and the programme itself (May next year, module KWU-DASAR). Returns the programme id.
 */
export async function signAndLaunch(urls: { program: string; instructors: string }, programme: Partial<LaunchProgrammeRequest>): Promise<string> {
  await expectCreated<TrainingModuleView>('POST', `${urls.instructors}/training-modules`, {
    moduleCode: MODULE,
    title: 'Kewirausahaan Dasar',
    hours: 40,
    ownerPartyCode: 'KEMENUMKM',
  });
  const mou = await expectCreated<AgreementView>('POST', `${urls.program}/agreements`, {
    kind: 'MOU',
    number: 'MOU-E2E',
    title: 'Sinergi Program Pengembangan UMKM',
    signedOn: '2025-03-25',
    parties: PARTIES,
  });
  const pks = await expectCreated<AgreementView>('POST', `${urls.program}/agreements`, {
    kind: 'PKS',
    number: 'PKS-E2E',
    title: 'Pelatihan kewirausahaan Mei 2025',
    signedOn: '2025-04-10',
    parentAgreementId: mou.id,
    participantCeiling: 10_000,
    parties: PARTIES,
  });
  const launched = await expectCreated<ProgrammeView>('POST', `${urls.program}/programmes`, {
    agreementId: pks.id,
    name: 'Pelatihan Kewirausahaan Mei',
    periodStart: `${MAY}-01`,
    periodEnd: `${MAY}-31`,
    targetParticipants: 5_000,
    participantCeiling: 10_000,
    prioritySegments: ['micro', 'small'],
    moduleCode: MODULE,
    ...programme,
  });
  return launched.id;
}

export interface SetupUrls {
  program: string;
  venues: string;
  instructors: string;
  enrollment: string;
}

/** Where the setup calls a system that runs (RunningSystem, ServiceProcesses). */
export function setupUrlsOf(system: { url(service: 'program' | 'venue-capacity' | 'instructor-module' | 'enrollment'): string }): SetupUrls {
  return { program: system.url('program'), venues: system.url('venue-capacity'), instructors: system.url('instructor-module'), enrollment: system.url('enrollment') };
}

export interface SampleVenue {
  venueCode: string;
  provinceCode: string;
  seats: number;
  name?: string;
  city?: string;
}

export interface SampleInstructor {
  externalRef: string;
  fullName: string;
  phone?: string;
}

/**
 * A sample BLK of one room, an instructor of its province who teaches the module, and a class planned there on
 * 12 May as soon as program knows the venue. Resolves with the class id; the saga confirms it later (`waitUntilSeatsOpen`).
 */
export async function planClassAtSampleVenue(urls: SetupUrls, programmeId: string, venue: SampleVenue, instructor: SampleInstructor): Promise<string> {
  await expectCreated<VenueState>('POST', `${urls.venues}/venues`, {
    venueCode: venue.venueCode,
    name: venue.name ?? `BLK Contoh ${venue.venueCode}`,
    kind: 'BLK',
    provinceCode: venue.provinceCode,
    city: venue.city ?? 'Kota Contoh',
    rooms: [{ roomCode: 'R1', name: 'Ruang 1', seats: venue.seats }],
    closedDays: [],
    sample: true,
  });
  await expectCreated<InstructorDetailView>('POST', `${urls.instructors}/instructors`, {
    ...instructor,
    homeProvinceCode: venue.provinceCode,
    competencies: [MODULE],
    maxClassesPerPeriod: 5,
    active: true,
  });
  const planned = await waitFor(`program to know ${venue.venueCode}`, async () => {
    const response = await call<BatchListItemView>('POST', `${urls.program}/programmes/${programmeId}/batches`, { venueCode: venue.venueCode, startDate: `${MAY}-12` });
    return response.status === 201 && response.body;
  });
  return planned.id;
}

/** Waits until each class is confirmed and enrollment has heard of it, so that its seats are open. */
export async function waitUntilSeatsOpen(urls: SetupUrls, batchIds: string[], timeoutMs = 90_000): Promise<void> {
  for (const batchId of batchIds) {
    await waitFor(`class ${batchId} confirmed`, async () => (await call<BatchView>('GET', `${urls.program}/batches/${batchId}`)).body.status === 'confirmed', { timeoutMs });
    await waitFor(`enrollment to know class ${batchId}`, async () => (await call('GET', `${urls.enrollment}/batches/${batchId}/fill`)).status === 200);
  }
}
