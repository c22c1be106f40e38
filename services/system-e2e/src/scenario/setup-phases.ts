import type {
  AgreementView,
  BatchListItemView,
  BatchSummaryView,
  BulkPlanView,
  DirectoryVenuePage,
  ProgrammeFillView,
  ProgrammeView,
  RegisterVenueRequest,
} from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { MAY, MODULE, PARTIES } from '../programme-setup';
import { ADMIN, inParallel } from './gateway-client';
import type { ScenarioParameters } from './parameters';
import { scenarioProvinces, scenarioVenues } from './reference-data';
import type { ScenarioSystem } from './scenario-system';

/** Counts a phase reports on its progress line and in the report. */
export type PhaseCounts = Record<string, number>;

/** What the phases learn as they go, for the later phases, the invariants and the report. */
export interface ScenarioState {
  parameters: ScenarioParameters;
  system: ScenarioSystem;
  provinces: string[];
  /** The lottery programme's classes are all in this province. */
  lotteryProvince: string;
  venues: RegisterVenueRequest[];
  /** The PKS both programmes run under. */
  pksId?: string;
  mainProgrammeId?: string;
  lotteryProgrammeId?: string;
  /** The classes that were confirmed (venue reserved and instructor assigned), of both programmes. */
  classes: BatchListItemView[];
}

/** Classes start from the 3rd to the 21st of next May, so that every class ends within the month. */
const FIRST_START = `${MAY}-03`;
const LAST_START = `${MAY}-21`;
/** Classes one room can hold one after the other between those days, counted low for holidays. */
const CLASSES_PER_ROOM = 2;
const ROOM_SEATS = 20;

export function newState(parameters: ScenarioParameters, system: ScenarioSystem): ScenarioState {
  const provinces = scenarioProvinces(parameters.provinces);
  const perProvince = Math.ceil(parameters.classes / provinces.length);
  const rooms = Math.ceil(perProvince / CLASSES_PER_ROOM) + 1;
  const venues = scenarioVenues(provinces, rooms, ROOM_SEATS);
  // The lottery's classes need rooms of their own in its province.
  const lotteryProvince = provinces[0];
  const extra = venues.find((venue) => venue.provinceCode === lotteryProvince)!;
  const first = extra.rooms.length;
  for (let room = 1; room <= Math.ceil(parameters.lotteryClasses / CLASSES_PER_ROOM); room += 1) {
    extra.rooms.push({ roomCode: `R${first + room}`, name: `Ruang Kelas ${first + room}`, seats: ROOM_SEATS });
  }
  return { parameters, system, provinces, lotteryProvince, venues, classes: [] };
}

/** The parties' admin desks, the MoU of 25 March 2025 and its PKS, whose ceiling covers both programmes. */
export async function signAgreements(state: ScenarioState): Promise<PhaseCounts> {
  const { api } = state.system;
  // Each party's admin desk is told of a signed agreement: without a contact its message would wait for one.
  for (const party of PARTIES) {
    await api.ok('PUT', `/recipients/admins/${party.code}`, ADMIN, { fullName: `Admin ${party.code}`, email: `admin@${party.code.toLowerCase()}.contoh.go.id` });
  }
  const mou = await api.ok<AgreementView>('POST', '/agreements', ADMIN, {
    kind: 'MOU',
    number: 'MoU/KEMNAKER-KEMENUMKM/2025/001 (skenario)',
    title: 'Sinergi Program Pengembangan UMKM',
    signedOn: '2025-03-25',
    parties: PARTIES,
  });
  const pks = await api.ok<AgreementView>('POST', '/agreements', ADMIN, {
    kind: 'PKS',
    number: 'PKS/KEMNAKER-KEMENUMKM/2025/001 (skenario)',
    title: 'Pelatihan kewirausahaan serentak Mei',
    signedOn: '2025-04-10',
    parentAgreementId: mou.id,
    participantCeiling: ceilingOf(state.parameters) + lotteryCeilingOf(state.parameters),
    parties: PARTIES,
  });
  state.pksId = pks.id;
  return { agreements: 2, adminDesks: PARTIES.length };
}

const ceilingOf = (p: ScenarioParameters) => p.classes * p.classSize;
const lotteryCeilingOf = (p: ScenarioParameters) => p.lotteryClasses * p.classSize;

/**
 * The May programme, launched with its first target and raised by an amendment to the ceiling (target and ceiling:
 * every seat of its classes), and a small lottery programme beside it.
 */
export async function launchProgrammes(state: ScenarioState): Promise<PhaseCounts> {
  const { api } = state.system;
  const p = state.parameters;
  const pksId = state.pksId!;
  const rules = { periodStart: `${MAY}-01`, periodEnd: `${MAY}-31`, prioritySegments: ['micro', 'small'], moduleCode: MODULE, classDays: p.classDays, classSize: p.classSize, reservesPerClass: p.reservesPerClass, minimumQuorum: p.minimumQuorum, confirmByDaysBeforeStart: 3 };
  const main = await api.ok<ProgrammeView>('POST', '/programmes', ADMIN, {
    ...rules,
    agreementId: pksId,
    name: 'Pelatihan Kewirausahaan Serentak Mei',
    targetParticipants: p.initialTarget,
    participantCeiling: p.initialTarget,
    selectionPolicy: 'first-come-first-served',
  });
  const amended = await api.ok<ProgrammeView>('POST', `/programmes/${main.id}/amendments`, ADMIN, {
    targetParticipants: ceilingOf(p),
    participantCeiling: ceilingOf(p),
    reason: 'Kuota ditambah sampai batas PKS',
  });
  const lottery = await api.ok<ProgrammeView>('POST', '/programmes', ADMIN, {
    ...rules,
    agreementId: pksId,
    name: 'Pelatihan Kewirausahaan Mei (undian)',
    targetParticipants: lotteryCeilingOf(p),
    participantCeiling: lotteryCeilingOf(p),
    selectionPolicy: 'lottery',
  });
  state.mainProgrammeId = main.id;
  state.lotteryProgrammeId = lottery.id;
  return { programmes: 2, target: amended.targetParticipants, ceiling: amended.participantCeiling };
}

/** The training module, the centres with their operators' contacts, and enough instructors in every province. */
export async function registerCatalogue(state: ScenarioState): Promise<PhaseCounts> {
  const { api } = state.system;
  const p = state.parameters;
  await api.ok('POST', '/training-modules', ADMIN, { moduleCode: MODULE, title: 'Kewirausahaan Dasar', hours: 40, ownerPartyCode: 'KEMENUMKM' });
  await inParallel(state.venues, p.concurrency, async (venue) => {
    await api.ok('POST', '/venues', ADMIN, venue);
    await api.ok('PUT', `/recipients/venue-operators/${venue.venueCode}`, ADMIN, {
      fullName: `Operator ${venue.name}`,
      email: `operator@${venue.venueCode.toLowerCase()}.contoh.go.id`,
    });
  });
  // As many instructors in a province as it has rooms: classes held at once never lack one.
  const instructors = state.venues.flatMap((venue) => venue.rooms.map((room) => ({ venue, room })));
  await inParallel(instructors, p.concurrency, ({ venue, room }, index) =>
    api.ok('POST', '/instructors', ADMIN, {
      externalRef: `SKENARIO-${venue.venueCode}-${room.roomCode}`,
      fullName: `Instruktur Contoh ${index + 1}`,
      phone: `+62814${String(index + 1).padStart(8, '0')}`,
      homeProvinceCode: venue.provinceCode,
      competencies: [MODULE],
      maxClassesPerPeriod: 4,
      active: true,
    }),
  );
  await waitFor(
    "program's venue directory to hold every centre",
    async () => (await api.all<DirectoryVenuePage['items'][number]>('/venue-directory')).length === state.venues.length,
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  return { venues: state.venues.length, rooms: state.venues.reduce((sum, venue) => sum + venue.rooms.length, 0), instructors: instructors.length, provinces: state.provinces.length };
}

/** Both programmes' classes in one bulk request each; then until every class is confirmed or failed, and enrollment knows them. */
export async function planClasses(state: ScenarioState): Promise<PhaseCounts> {
  const { api } = state.system;
  const p = state.parameters;
  const plan = (programmeId: string, count: number, provinceCodes: string[]) =>
    api.ok<BulkPlanView>('POST', `/programmes/${programmeId}/batches/bulk`, ADMIN, { count, from: FIRST_START, to: LAST_START, provinceCodes }, { 'idempotency-key': `scenario-plan-${programmeId}` });
  const main = await plan(state.mainProgrammeId!, p.classes, state.provinces);
  const lottery = await plan(state.lotteryProgrammeId!, p.lotteryClasses, [state.lotteryProvince]);
  const timeoutMs = 180_000 + p.classes * 1_000;
  for (const [programmeId, planned] of [[state.mainProgrammeId!, main.planned], [state.lotteryProgrammeId!, lottery.planned]] as const) {
    await waitFor(
      `every class of ${programmeId} answered by venue-capacity and instructor-module`,
      async () => {
        const summary = await api.ok<BatchSummaryView>('GET', `/programmes/${programmeId}/batch-summary`, ADMIN);
        return summary.counts.planned === 0 && summary.counts.confirmed + summary.counts.failed >= planned;
      },
      { timeoutMs, intervalMs: 1_000 },
    );
  }
  const listed = [
    ...(await api.all<BatchListItemView>(`/programmes/${state.mainProgrammeId}/batches`)),
    ...(await api.all<BatchListItemView>(`/programmes/${state.lotteryProgrammeId}/batches`)),
  ];
  state.classes = listed.filter((batch) => batch.status === 'confirmed');
  for (const programmeId of [state.mainProgrammeId!, state.lotteryProgrammeId!]) {
    const confirmed = state.classes.filter((batch) => batch.programmeId === programmeId).length;
    await waitFor(
      'enrollment to know every confirmed class',
      async () => (await api.ok<ProgrammeFillView>('GET', `/programmes/${programmeId}/fill`, ADMIN)).classes === confirmed,
      { timeoutMs: 120_000, intervalMs: 500 },
    );
  }
  return {
    planned: main.planned + lottery.planned,
    unplaced: main.unplaced + lottery.unplaced,
    confirmed: state.classes.length,
    failed: listed.filter((batch) => batch.status === 'failed').length,
  };
}
