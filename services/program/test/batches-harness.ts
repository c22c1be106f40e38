import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  addDays,
  EventEnvelope,
  InstructorProfile,
  instructorAssignedEvent,
  instructorRegisteredEvent,
  todayInWib,
  TOPICS,
  venueRegisteredEvent,
  venueReservedEvent,
  VenueState,
  Weekday,
  WEEKDAYS,
} from '@sinergi/contracts';
import { ServiceHarness, waitFor } from '@sinergi/testing';
import { programService } from '../src/program.service-definition';

export interface ProgrammeRow {
  periodStart: string;
  periodEnd: string;
  participantCeiling: number;
  classDays: number;
  classSize: number;
  teachingWeekdays: readonly Weekday[];
}

export const today = () => todayInWib();

/**
 * A calendar without holidays: the saga's tests plan relative to today, on whatever day that is, in programmes that
 * teach every weekday. teaching-days.int-spec.ts plans Monday to Friday around holidays of a calendar file it writes.
 */
export const NO_HOLIDAYS_FILE = join(__dirname, 'fixtures/no-holidays.json');

/** program in this process on its own database and topic namespace, collecting what it publishes on program.batches.v1. */
export class BatchesHarness extends ServiceHarness {
  static async start(env: Record<string, string>): Promise<BatchesHarness> {
    return new BatchesHarness(await ServiceHarness.open(programService, [TOPICS.batches], { HOLIDAY_CALENDAR_FILE: NO_HOLIDAYS_FILE, ...env }));
  }

  /** Programmes are launched by another feature; here a row is inserted, as its migration defines it. */
  async insertProgramme(overrides: Partial<ProgrammeRow> = {}): Promise<string> {
    const programme: ProgrammeRow = {
      periodStart: today(),
      periodEnd: addDays(today(), 60),
      participantCeiling: 10_000,
      classDays: 5,
      classSize: 16,
      teachingWeekdays: WEEKDAYS,
      ...overrides,
    };
    const agreementId = randomUUID();
    const programmeId = randomUUID();
    await this.dataSource.query(
      `INSERT INTO agreements (id, kind, number, title, signed_on, parties, status) VALUES ($1, 'MOU', $2, 'Sinergi', '2025-03-25', '[]', 'signed')`,
      [agreementId, `MOU-${agreementId}`],
    );
    await this.dataSource.query(
      `INSERT INTO programmes (id, agreement_id, name, period_start, period_end, target_participants, participant_ceiling, priority_segments,
                               selection_policy, module_code, class_days, class_size, reserves_per_class, minimum_quorum, confirm_by_days_before_start,
                               teaching_weekdays)
       VALUES ($1, $2, 'Pelatihan Kewirausahaan', $3, $4, 1, $5, '{micro,small}', 'lottery', 'KWU-01', $6, $7, 2, 10, 7, $8)`,
      [
        programmeId,
        agreementId,
        programme.periodStart,
        programme.periodEnd,
        programme.participantCeiling,
        programme.classDays,
        programme.classSize,
        programme.teachingWeekdays,
      ],
    );
    return programmeId;
  }

  /** Publishes venues as venue-capacity would and waits until program's directory holds them. */
  async registerVenues(venues: VenueState[]): Promise<void> {
    await this.publish(...venues.map((venue) => venueRegisteredEvent.with(venue.venueCode, venue)));
    const codes = venues.map((venue) => venue.venueCode);
    await waitFor('the venues in the directory', async () => {
      const [{ count }] = await this.dataSource.query('SELECT COUNT(*)::int AS count FROM directory_venues WHERE venue_code = ANY($1)', [
        codes,
      ]);
      return count === codes.length;
    });
  }

  /** Publishes instructor profiles as instructor-module would and waits until program's instructor directory holds them. */
  async registerInstructors(profiles: InstructorProfile[]): Promise<void> {
    await this.publish(...profiles.map((profile) => instructorRegisteredEvent.with(profile.instructorId, profile)));
    const ids = profiles.map((profile) => profile.instructorId);
    await waitFor('the instructors in the directory', async () => {
      const [{ count }] = await this.dataSource.query('SELECT COUNT(*)::int AS count FROM directory_instructors WHERE instructor_id = ANY($1)', [ids]);
      return count === ids.length;
    });
  }

  eventsFor<T = Record<string, unknown>>(batchId: string, type?: string): Array<EventEnvelope<T>> {
    return this.eventsAbout<T>(TOPICS.batches, batchId).filter((envelope) => !type || envelope.type === type);
  }

  allEventsOf(type: string): EventEnvelope[] {
    return this.eventsOfType(type);
  }

  waitForEvent<T = Record<string, unknown>>(batchId: string, type: string): Promise<EventEnvelope<T>> {
    return waitFor(`${type} for batch ${batchId}`, () => this.eventsFor<T>(batchId, type)[0]);
  }

  /** Waits until the batch's history has at least `count` lines (so a reply was handled, applied or not). */
  waitForHistory(batchId: string, count: number): Promise<unknown> {
    return waitFor(`${count} history lines for batch ${batchId}`, async () => {
      const [{ lines }] = await this.dataSource.query('SELECT COUNT(*)::int AS lines FROM batch_transitions WHERE batch_id = $1', [
        batchId,
      ]);
      return lines >= count;
    });
  }
}

export function venue(venueCode: string, provinceCode: string, roomSeats: number[], closedDays: string[] = []): VenueState {
  return {
    venueCode,
    name: `Sample training centre ${venueCode}`,
    kind: 'BLK',
    provinceCode,
    city: 'Sample city',
    rooms: roomSeats.map((seats, index) => ({ roomCode: `R-${index + 1}`, name: `Room ${index + 1}`, seats })),
    closedDays,
    sample: true,
  };
}

/** Instructors of module KWU-01 (the harness's programmes' module) at home in a province. */
export function instructors(count: number, homeProvinceCode: string, maxClassesPerPeriod = 100): InstructorProfile[] {
  return Array.from({ length: count }, () => ({ instructorId: randomUUID(), homeProvinceCode, competencies: ['KWU-01'], maxClassesPerPeriod, active: true }));
}

export const venueReserved = (batchId: string, venueCode: string, roomCode = 'R-1') =>
  venueReservedEvent.with(batchId, {
    batchId,
    reservationId: randomUUID(),
    venueCode,
    roomCode,
    startDate: '2025-05-05',
    endDate: '2025-05-09',
    seats: 16,
  });

export const instructorAssigned = (batchId: string, instructorId = randomUUID(), replacesInstructorId?: string) =>
  instructorAssignedEvent.with(batchId, {
    batchId,
    assignmentId: randomUUID(),
    instructorId,
    moduleCode: 'KWU-01',
    startDate: '2025-05-05',
    endDate: '2025-05-09',
    ...(replacesInstructorId ? { replacesInstructorId } : {}),
  });
