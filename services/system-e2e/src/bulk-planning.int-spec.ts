import type {
  BatchView,
  BulkPlanView,
  DirectoryInstructorView,
  DirectoryVenueView,
  InstructorDetailView,
  RegisterInstructorRequest,
  RegisterVenueRequest,
  VenueState,
} from '@sinergi/contracts';
import { daysIn } from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { allItems, call, expectCreated } from './http';
import { MAY, MODULE, signAndLaunch } from './programme-setup';
import { RunningSystem } from './running-system';

const PROVINCES = ['51', '52'];
const ROOMS_PER_VENUE = 4;
const INSTRUCTORS_PER_PROVINCE = 3;
/** Three slots' worth of instructors: May holds at least three back-to-back 5-day classes on teaching days. */
const CLASSES = 3 * INSTRUCTORS_PER_PROVINCE * PROVINCES.length;

/**
 * A wave with more rooms than instructors, across program, venue-capacity and instructor-module as real processes over
 * Kafka. Eight rooms and six instructors: planned by rooms alone, the first weeks would take eight classes at a time
 * and instructor-module would reject two of every eight. Planned against rooms and instructors together, every class
 * is confirmed, with the instructor the planner proposed.
 */
describe('bulk planning against rooms and instructors (processes, Kafka, PostgreSQL)', () => {
  let system: RunningSystem;
  let programmeId: string;
  const program = (path: string) => `${system.url('program')}${path}`;

  beforeAll(async () => {
    system = await RunningSystem.start(['program', 'venue-capacity', 'instructor-module'], { BATCH_REPLY_TIMEOUT_MS: '60000' });
    programmeId = await signAndLaunch(
      { program: program(''), instructors: system.url('instructor-module') },
      { selectionPolicy: 'lottery', classDays: 5, minimumQuorum: 10, confirmByDaysBeforeStart: 3 },
    );
    for (const provinceCode of PROVINCES) {
      const venue: RegisterVenueRequest = {
        venueCode: `BLK-WAVE-${provinceCode}`,
        name: `BLK Contoh ${provinceCode}`,
        kind: 'BLK',
        provinceCode,
        city: 'Kota Contoh',
        rooms: Array.from({ length: ROOMS_PER_VENUE }, (_, index) => ({ roomCode: `R${index + 1}`, name: `Ruang ${index + 1}`, seats: 20 })),
        closedDays: [],
        sample: true,
      };
      await expectCreated<VenueState>('POST', `${system.url('venue-capacity')}/venues`, venue);
      for (let person = 1; person <= INSTRUCTORS_PER_PROVINCE; person += 1) {
        const instructor: RegisterInstructorRequest = {
          externalRef: `WAVE-${provinceCode}-${person}`,
          fullName: `Instruktur ${provinceCode}-${person}`,
          homeProvinceCode: provinceCode,
          competencies: [MODULE],
          maxClassesPerPeriod: 10,
          active: true,
        };
        await expectCreated<InstructorDetailView>('POST', `${system.url('instructor-module')}/instructors`, instructor);
      }
    }
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('confirms every class of a wave that rooms alone would overbook with instructors', async () => {
    await waitFor("program's copies of the venues and instructors", async () => {
      const venues = await allItems<DirectoryVenueView>(program('/venue-directory'));
      const instructors = await allItems<DirectoryInstructorView>(program(`/instructor-directory?moduleCode=${MODULE}`));
      return venues.filter((venue) => venue.venueCode.startsWith('BLK-WAVE-')).length === PROVINCES.length && instructors.length === INSTRUCTORS_PER_PROVINCE * PROVINCES.length;
    });

    const plan = await call<BulkPlanView>('POST', program(`/programmes/${programmeId}/batches/bulk`), {
      count: CLASSES,
      from: `${MAY}-01`,
      to: `${MAY}-31`,
      provinceCodes: PROVINCES,
    });
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({ planned: CLASSES, unplaced: 0, reasons: [] });

    const outcomes = await Promise.all(
      plan.body.batchIds.map((batchId) =>
        waitFor(`batch ${batchId} to be confirmed or failed`, async () => {
          const found = (await call<BatchView>('GET', program(`/batches/${batchId}`))).body;
          return ['confirmed', 'failed'].includes(found.status) && found;
        }, { timeoutMs: 90_000, intervalMs: 250 }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status !== 'confirmed').map((outcome) => outcome.failureReason)).toEqual([]);
    expect(outcomes.every((outcome) => outcome.proposedInstructorId !== null && outcome.instructorId === outcome.proposedInstructorId)).toBe(true);

    // Never more classes on a day than instructors, although the rooms would have taken more.
    const perDay = new Map<string, number>();
    for (const outcome of outcomes) for (const day of daysIn({ from: outcome.startDate, to: outcome.endDate })) perDay.set(day, (perDay.get(day) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(INSTRUCTORS_PER_PROVINCE * PROVINCES.length);
    expect(Math.max(...perDay.values())).toBeLessThan(ROOMS_PER_VENUE * PROVINCES.length);
  });
});
