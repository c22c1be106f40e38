import type {
  AssignmentView,
  BatchListItemView,
  BatchSummaryView,
  BatchView,
  BulkPlanView,
  DirectoryInstructorView,
  DirectoryVenueView,
  InstructorDetailView,
  InstructorView,
  RegisterInstructorRequest,
  RegisterVenueRequest,
  ReservationView,
  VenueState,
  Page,
} from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { allItems, call, expectCreated } from './http';
import { MAY, MODULE, signAndLaunch } from './programme-setup';
import { RunningSystem } from './running-system';

const PROVINCES = ['32', '33', '35', '73'];

/** The batch saga across program, venue-capacity and instructor-module, each a real process, over Kafka. */
describe('planning classes across program, venue-capacity and instructor-module (processes, Kafka, PostgreSQL)', () => {
  let system: RunningSystem;
  let programmeId: string;
  const program = (path: string) => `${system.url('program')}${path}`;
  const venues = (path: string) => `${system.url('venue-capacity')}${path}`;
  const instructors = (path: string) => `${system.url('instructor-module')}${path}`;

  async function registerVenue(venueCode: string, provinceCode: string, rooms: number): Promise<void> {
    const venue: RegisterVenueRequest = {
      venueCode,
      name: `BLK Contoh ${venueCode}`,
      kind: 'BLK',
      provinceCode,
      city: 'Kota Contoh',
      rooms: Array.from({ length: rooms }, (_, index) => ({ roomCode: `R${index + 1}`, name: `Ruang ${index + 1}`, seats: 20 })),
      closedDays: [],
      sample: true,
    };
    await expectCreated<VenueState>('POST', venues('/venues'), venue);
  }

  async function registerInstructor(externalRef: string, provinceCode: string, maxClassesPerPeriod: number): Promise<void> {
    const instructor: RegisterInstructorRequest = {
      externalRef,
      fullName: `Instruktur ${externalRef}`,
      homeProvinceCode: provinceCode,
      competencies: [MODULE],
      maxClassesPerPeriod,
      active: true,
    };
    await expectCreated<InstructorDetailView>('POST', instructors('/instructors'), instructor);
  }

  async function batch(batchId: string): Promise<BatchView> {
    return (await call<BatchView>('GET', program(`/batches/${batchId}`))).body;
  }

  async function settled(batchId: string): Promise<BatchView> {
    return waitFor(`batch ${batchId} to be confirmed or failed`, async () => {
      const found = await batch(batchId);
      return ['confirmed', 'failed'].includes(found.status) && found;
    }, { timeoutMs: 60_000, intervalMs: 200 });
  }

  async function planOne(venueCode: string, startDate: string): Promise<string> {
    // The program's venue directory follows venue-capacity's events: retry while it catches up.
    const planned = await waitFor(`program to know venue ${venueCode}`, async () => {
      const response = await call<BatchListItemView>('POST', program(`/programmes/${programmeId}/batches`), { venueCode, startDate });
      return response.status === 201 && response.body;
    });
    return planned.id;
  }

  beforeAll(async () => {
    system = await RunningSystem.start(['program', 'venue-capacity', 'instructor-module'], { BATCH_REPLY_TIMEOUT_MS: '60000' });
    programmeId = await signAndLaunch(
      { program: program(''), instructors: instructors('') },
      { selectionPolicy: 'lottery', classDays: 5, minimumQuorum: 10, confirmByDaysBeforeStart: 3 },
    );
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('plans a class and sees it confirmed with a room and an instructor', async () => {
    await registerVenue('BLK-E2E-ONE', '32', 1);
    await registerInstructor('E2E-ONE', '32', 10);
    const batchId = await planOne('BLK-E2E-ONE', `${MAY}-05`);

    const confirmed = await settled(batchId);
    expect(confirmed).toMatchObject({ status: 'confirmed', venueCode: 'BLK-E2E-ONE', roomCode: 'R1' });
    const reservations = (await call<Page<ReservationView>>('GET', venues(`/reservations?batchId=${batchId}`))).body.items;
    expect(reservations).toHaveLength(1);
    const assignments = (await call<Page<AssignmentView>>('GET', instructors(`/assignments?batchId=${batchId}`))).body.items;
    expect(assignments).toHaveLength(1);
  });

  it('fails a class when the venue is full, and releases the instructor it had assigned', async () => {
    await registerVenue('BLK-E2E-FULL', '33', 1);
    await registerInstructor('E2E-FULL-1', '33', 10);
    await registerInstructor('E2E-FULL-2', '33', 10);
    const first = await planOne('BLK-E2E-FULL', `${MAY}-12`);
    expect((await settled(first)).status).toBe('confirmed');

    const second = await planOne('BLK-E2E-FULL', `${MAY}-13`);
    const failed = await settled(second);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toMatch(/room/i);
    await waitFor('the second class instructor assignment released', async () => {
      const assignments = (await call<Page<AssignmentView>>('GET', instructors(`/assignments?batchId=${second}`))).body.items;
      return assignments.length > 0 && assignments.every((assignment) => assignment.status !== 'active');
    });
  });

  it('moves a rescheduled class with its room and instructor, and frees the old days', async () => {
    await registerVenue('BLK-E2E-MOVE', '35', 1);
    await registerInstructor('E2E-MOVE', '35', 10);
    const batchId = await planOne('BLK-E2E-MOVE', `${MAY}-05`);
    expect((await settled(batchId)).status).toBe('confirmed');

    const moved = await call('POST', program(`/batches/${batchId}/reschedule`), { startDate: `${MAY}-19`, reason: 'hari libur daerah' });
    expect(moved.status).toBe(200);
    await waitFor('the room to move with the class', async () => {
      const [reservation] = (await call<Page<ReservationView>>('GET', venues(`/reservations?batchId=${batchId}`))).body.items;
      return reservation?.status === 'active' && reservation.startDate === `${MAY}-19`;
    });
    await waitFor('the instructor to move with the class', async () => {
      const [assignment] = (await call<Page<AssignmentView>>('GET', instructors(`/assignments?batchId=${batchId}`))).body.items;
      return assignment?.status === 'active' && assignment.startDate === `${MAY}-19`;
    });
    expect(await batch(batchId)).toMatchObject({ status: 'confirmed', startDate: `${MAY}-19`, roomCode: 'R1' });

    const reuse = await planOne('BLK-E2E-MOVE', `${MAY}-05`);
    expect((await settled(reuse)).status).toBe('confirmed');
  });

  it('plans 320 classes in one request; after crashes of two services no room or instructor is double-booked', async () => {
    // Classes run Monday to Friday and skip the May holidays (6 May, 20 May): a room holds, and an instructor teaches,
    // three 5-day classes in May; 30 rooms and 27 instructors a province leave room for 320 classes.
    for (const [index, provinceCode] of PROVINCES.entries()) {
      for (let venue = 1; venue <= 5; venue += 1) await registerVenue(`BLK-BULK-${index}-${venue}`, provinceCode, 6);
      for (let person = 1; person <= 27; person += 1) await registerInstructor(`BULK-${index}-${person}`, provinceCode, 6);
    }
    // The planner plans with program's copies of the venue and instructor catalogues, which follow the events.
    const registered = (await allItems<InstructorView>(instructors(`/instructors?moduleCode=${MODULE}`))).length;
    await waitFor(`program to know the 20 venues and all ${registered} instructors`, async () => {
      const known = await allItems<DirectoryVenueView>(program('/venue-directory'));
      const staff = await allItems<DirectoryInstructorView>(program(`/instructor-directory?moduleCode=${MODULE}`));
      return known.filter((venue) => venue.venueCode.startsWith('BLK-BULK-')).length === 20 && staff.length === registered;
    }, { timeoutMs: 60_000, intervalMs: 1_000 });
    const plan = await call<BulkPlanView>('POST', program(`/programmes/${programmeId}/batches/bulk`), {
      count: 320,
      from: `${MAY}-01`,
      to: `${MAY}-31`,
      provinceCodes: PROVINCES,
    });
    expect(plan.body).toMatchObject({ planned: 320, unplaced: 0 });
    const batchIds = plan.body.batchIds;
    // The planner may also use the venues the earlier tests registered in the same provinces.
    const venueCodes = (await allItems<VenueState>(venues('/venues'))).map((venue) => venue.venueCode);
    const instructorIds = (await allItems<InstructorView>(instructors(`/instructors?moduleCode=${MODULE}`))).map((instructor) => instructor.id);

    const settledCount = async () => {
      const { counts } = (await call<BatchSummaryView>('GET', program(`/programmes/${programmeId}/batch-summary`))).body;
      return (counts.confirmed ?? 0) + (counts.failed ?? 0);
    };
    await waitFor('a first part of the classes settled', async () => (await settledCount()) >= 40, { timeoutMs: 120_000, intervalMs: 500 });
    await system.killAndRestart('instructor-module');
    await system.killAndRestart('program');
    const outcomes = await Promise.all(batchIds.map((batchId) => settled(batchId)));

    const failed = outcomes.filter((outcome) => outcome.status === 'failed');
    for (const outcome of failed) expect(String(outcome.failureReason ?? '')).not.toBe('');
    expect(outcomes.filter((outcome) => outcome.status === 'confirmed').length).toBeGreaterThan(200);

    const held = new Map<string, Array<{ batchId: string; start: string; end: string }>>();
    const hold = (owner: string, batchId: string, start: string, end: string) => held.set(owner, [...(held.get(owner) ?? []), { batchId, start, end }]);
    await waitFor('compensation of every failed class to finish', async () => {
      held.clear();
      for (const venueCode of venueCodes) {
        const reservations = await allItems<ReservationView>(venues(`/reservations?venueCode=${venueCode}`));
        for (const reservation of reservations.filter((candidate) => candidate.status === 'active')) {
          hold(`room ${reservation.venueCode}/${reservation.roomCode}`, reservation.batchId, reservation.startDate, reservation.endDate);
        }
      }
      for (const instructorId of instructorIds) {
        const assignments = await allItems<AssignmentView>(instructors(`/assignments?instructorId=${instructorId}`));
        for (const assignment of assignments.filter((candidate) => candidate.status === 'active')) {
          hold(`instructor ${instructorId}`, assignment.batchId, assignment.startDate, assignment.endDate);
        }
      }
      const failedIds = new Set(failed.map((outcome) => outcome.id));
      return [...held.values()].flat().every((holding) => !failedIds.has(holding.batchId));
    }, { timeoutMs: 60_000, intervalMs: 1_000 });

    const holdersOf = (kind: string) =>
      new Set([...held].filter(([owner]) => owner.startsWith(kind)).flatMap(([, holdings]) => holdings.map((holding) => holding.batchId)));
    const confirmedIds = outcomes.filter((outcome) => outcome.status === 'confirmed').map((outcome) => outcome.id);
    expect(confirmedIds.filter((batchId) => !holdersOf('room').has(batchId))).toEqual([]);
    expect(confirmedIds.filter((batchId) => !holdersOf('instructor').has(batchId))).toEqual([]);
    for (const [owner, holdings] of held) {
      const sorted = [...holdings].sort((a, b) => a.start.localeCompare(b.start));
      for (let index = 1; index < sorted.length; index += 1) {
        const [earlier, later] = [sorted[index - 1], sorted[index]];
        expect({ owner, overlap: later.start <= earlier.end ? [earlier, later] : null }).toEqual({ owner, overlap: null });
      }
    }
  });
});
