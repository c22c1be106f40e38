import type { PlanningRule, UnplacedClasses, Weekday } from '@sinergi/contracts';
import { bestRankedInstructor, daysIn, isTeachingDay, teachingDayOnOrAfter, teachingDaysFrom, weekdayOf } from '@sinergi/contracts';

/** What planning needs of a programme's class rules. */
export interface ProgrammeClassRules {
  periodStart: string;
  periodEnd: string;
  participantCeiling: number;
  /** Teaching days per class. */
  classDays: number;
  classSize: number;
  teachingWeekdays: readonly Weekday[];
}

/** The `classDays` teaching days of a class from its first: the programme's weekdays, no national holiday or cuti bersama. */
export function classDatesOf(programme: ProgrammeClassRules, holidays: ReadonlySet<string>, startDate: string): string[] {
  return teachingDaysFrom(startDate, programme.classDays, { teachingWeekdays: programme.teachingWeekdays, daysOff: holidays });
}

/**
 * Every day from a class's first to its last, skipped days included: venue-capacity and instructor-module book a
 * class as one range of days, so a room and an instructor are held over the weekend or holiday a class spans.
 */
function spanOf(classDates: readonly string[]): string[] {
  return daysIn({ from: classDates[0], to: classDates[classDates.length - 1] });
}

/** What planning needs of a venue from the directory. */
export interface PlannableVenue {
  venueCode: string;
  provinceCode: string;
  rooms: ReadonlyArray<{ seats: number }>;
  closedDays: readonly string[];
}

/** A live class (planned, confirmed or running) holding a room at a venue. */
export interface OccupyingClass {
  venueCode: string;
  startDate: string;
  endDate: string;
}

export interface Refusal {
  rule: PlanningRule;
  message: string;
}

/** Rooms of the venue that can seat a whole class. */
export function usableRooms(venue: PlannableVenue, classSize: number): number {
  return venue.rooms.filter((room) => room.seats >= classSize).length;
}

export function ceilingRefusal(programme: ProgrammeClassRules, liveSeats: number, newSeats: number): Refusal | undefined {
  if (liveSeats + newSeats <= programme.participantCeiling) return undefined;
  return {
    rule: 'participant-ceiling',
    message: `live classes already hold ${liveSeats} seats; ${newSeats} more would exceed the programme's participant ceiling of ${programme.participantCeiling}`,
  };
}

/** Why a class at this venue from this date cannot be held, or undefined when it can (the ceiling is checked apart). */
export function classRefusal(input: {
  programme: ProgrammeClassRules;
  holidays: ReadonlySet<string>;
  venue: PlannableVenue | undefined;
  venueCode: string;
  startDate: string;
  today: string;
}): Refusal | undefined {
  const { programme, holidays, venue, startDate } = input;
  if (startDate < input.today) return { rule: 'start-in-past', message: `startDate ${startDate} is before today (${input.today})` };
  const calendar = { teachingWeekdays: programme.teachingWeekdays, daysOff: holidays };
  if (!isTeachingDay(startDate, calendar)) {
    const why = holidays.has(startDate)
      ? 'a national holiday or cuti bersama'
      : `a ${weekdayOf(startDate)}, not one of the programme's teaching days (${programme.teachingWeekdays.join(', ')})`;
    return {
      rule: 'not-a-teaching-day',
      message: `startDate ${startDate} is ${why}; the next teaching day is ${teachingDayOnOrAfter(startDate, calendar)}`,
    };
  }
  const dates = classDatesOf(programme, holidays, startDate);
  const endDate = dates[dates.length - 1];
  if (endDate > programme.periodEnd || startDate < programme.periodStart) {
    return {
      rule: 'outside-programme-period',
      message: `a class from ${startDate} to ${endDate} does not lie in the programme period ${programme.periodStart} to ${programme.periodEnd}`,
    };
  }
  if (!venue) return { rule: 'venue-unknown', message: `venueCode ${input.venueCode} is not in the venue directory` };
  const closed = spanOf(dates).filter((date) => venue.closedDays.includes(date));
  if (closed.length > 0) return { rule: 'venue-closed', message: `venue ${venue.venueCode} is closed on ${closed.join(', ')}` };
  if (usableRooms(venue, programme.classSize) === 0) {
    return { rule: 'no-room-large-enough', message: `venue ${venue.venueCode} has no room with at least ${programme.classSize} seats` };
  }
  return undefined;
}

/** Why start dates in [from, to] cannot be used for bulk planning, or undefined when they can. */
export function bulkWindowRefusal(
  programme: ProgrammeClassRules,
  holidays: ReadonlySet<string>,
  from: string,
  to: string,
  today: string,
): Refusal | undefined {
  if (from < today) return { rule: 'start-in-past', message: `from ${from} is before today (${today})` };
  const earliest = classDatesOf(programme, holidays, from);
  if (from < programme.periodStart || earliest[earliest.length - 1] > programme.periodEnd || to > programme.periodEnd) {
    return {
      rule: 'outside-programme-period',
      message: `start dates ${from} to ${to} must let a class of ${programme.classDays} teaching days lie in the programme period ${programme.periodStart} to ${programme.periodEnd}`,
    };
  }
  return undefined;
}

/** An instructor as instructor-module's catalogue events describe them (program's own copy). */
export interface PlannableInstructor {
  instructorId: string;
  homeProvinceCode: string;
  competencies: readonly string[];
  maxClassesPerPeriod: number;
  active: boolean;
}

/** Days an instructor teaches: an assignment instructor-module announced, or a live class this planner proposed them for. */
export interface InstructorBooking {
  instructorId: string;
  startDate: string;
  endDate: string;
}

export interface BulkPlanInput {
  programme: ProgrammeClassRules;
  /** The programme's module: only instructors competent in it are proposed. */
  moduleCode: string;
  holidays: ReadonlySet<string>;
  count: number;
  /** Start dates are chosen in [from, to]; every class also ends inside the programme period. */
  from: string;
  to: string;
  /** In order of preference; classes are dealt to them in turn. */
  provinceCodes: readonly string[];
  venues: readonly PlannableVenue[];
  occupying: readonly OccupyingClass[];
  instructors: readonly PlannableInstructor[];
  bookings: readonly InstructorBooking[];
  liveSeats: number;
}

export interface PlannedClass {
  venueCode: string;
  provinceCode: string;
  /** The teaching days it is held on, first to last. */
  classDates: string[];
  /** The instructor found free for it; instructor-module still decides. Absent for classes planned one at a time. */
  proposedInstructorId?: string;
}

export interface BulkPlan {
  classes: PlannedClass[];
  unplaced: UnplacedClasses[];
}

interface VenueSlotState {
  venue: PlannableVenue;
  rooms: number;
  planned: number;
  /** Classes of this plan per first teaching day. */
  plannedByStart: Map<string, number>;
  full: boolean;
}

/**
 * Chooses a venue, dates and an instructor for each of `count` classes. Provinces take turns; inside a province the
 * venue with the fewest new classes goes next. Its dates are one of the window's back-to-back slots (the first from the
 * window's first teaching day, each next one from the teaching day after the previous one's last), the slot with the
 * fewest classes of this plan at the venue, then in the whole plan, then the earliest: classes spread over the window
 * instead of filling its first weeks, and a room or an instructor never holds two overlapping classes of one plan. A
 * slot qualifies when every day the class spans is open and has a free usable room, and an active instructor competent
 * in the module is free on all those days and below their limit of classes for the month the class starts in. When no
 * slot qualifies at a venue, any other start date that does is taken, earliest first.
 */
export function planBulk(input: BulkPlanInput): BulkPlan {
  const { programme } = input;
  const allowedByCeiling = Math.max(0, Math.floor((programme.participantCeiling - input.liveSeats) / programme.classSize));
  const wanted = Math.min(input.count, allowedByCeiling);
  const calendar = { teachingWeekdays: programme.teachingWeekdays, daysOff: input.holidays };
  const starts = daysIn({ from: maxDate(input.from, programme.periodStart), to: input.to })
    .filter((start) => isTeachingDay(start, calendar))
    .map((start) => classDatesOf(programme, input.holidays, start))
    .filter((dates) => dates[dates.length - 1] <= programme.periodEnd);
  const slots = backToBackSlots(starts);
  const others = starts.filter((dates) => !slots.includes(dates));
  const occupancy = occupancyOf(input.occupying);
  const pool = new InstructorPool(
    input.instructors.filter((instructor) => instructor.active && instructor.competencies.includes(input.moduleCode)),
    input.bookings,
  );
  const plannedByStart = new Map<string, number>();

  const provinces = [...new Set(input.provinceCodes)]
    .map((provinceCode) =>
      input.venues
        .filter((venue) => venue.provinceCode === provinceCode)
        .sort((a, b) => a.venueCode.localeCompare(b.venueCode))
        .map(
          (venue): VenueSlotState => ({ venue, rooms: usableRooms(venue, programme.classSize), planned: 0, plannedByStart: new Map(), full: false }),
        )
        .filter((state) => state.rooms > 0),
    )
    .filter((venues) => venues.length > 0);

  const classes: PlannedClass[] = [];
  const place = (state: VenueSlotState): PlannedClass | undefined => {
    const hasRoom = (dates: readonly string[]) => roomFree(state, occupancy, dates);
    const bySpread = [...slots].sort(
      (a, b) => countOf(state.plannedByStart, a[0]) - countOf(state.plannedByStart, b[0]) || countOf(plannedByStart, a[0]) - countOf(plannedByStart, b[0]),
    );
    for (const classDates of [...bySpread, ...others]) {
      if (!hasRoom(classDates)) continue;
      const instructor = pool.bestFor(classDates, state.venue.provinceCode);
      if (!instructor) continue;
      bookRoom(state, occupancy, classDates);
      pool.book(instructor, classDates);
      plannedByStart.set(classDates[0], countOf(plannedByStart, classDates[0]) + 1);
      state.plannedByStart.set(classDates[0], countOf(state.plannedByStart, classDates[0]) + 1);
      return { venueCode: state.venue.venueCode, provinceCode: state.venue.provinceCode, classDates: [...classDates], proposedInstructorId: instructor };
    }
    return undefined;
  };
  while (classes.length < wanted && provinces.some((venues) => venues.some((state) => !state.full))) {
    for (const venues of provinces) {
      if (classes.length >= wanted) break;
      const placed = placeInProvince(venues, place);
      if (placed) classes.push(placed);
    }
  }

  const unplaced: UnplacedClasses[] = [];
  if (input.count > wanted) {
    unplaced.push({
      rule: 'participant-ceiling',
      count: input.count - wanted,
      reason: `the participant ceiling of ${programme.participantCeiling} leaves room for ${allowedByCeiling} more classes of ${programme.classSize}`,
    });
  }
  if (wanted > classes.length) {
    const window = `in ${input.provinceCodes.join(', ')} for start dates ${input.from} to ${input.to}`;
    const roomLeft = provinces.some((venues) => venues.some((state) => starts.some((dates) => roomFree(state, occupancy, dates))));
    unplaced.push(
      roomLeft
        ? {
            rule: 'no-instructor',
            count: wanted - classes.length,
            reason: `no instructor free: of the ${pool.size} active instructors competent in module ${input.moduleCode}, none is free on every day of a class that a free room is left for ${window} (each already teaches on those days or is at their limit of classes for the month)`,
          }
        : {
            rule: 'no-capacity',
            count: wanted - classes.length,
            reason: `no open venue-day with a free room of at least ${programme.classSize} seats is left ${window}`,
          },
    );
  }
  return { classes, unplaced };
}

/** The venue with the fewest new classes that can still take one; a venue that cannot is marked full. */
function placeInProvince(venues: VenueSlotState[], place: (state: VenueSlotState) => PlannedClass | undefined): PlannedClass | undefined {
  const candidates = venues.filter((state) => !state.full).sort((a, b) => a.planned - b.planned);
  for (const state of candidates) {
    const placed = place(state);
    if (!placed) {
      state.full = true;
      continue;
    }
    state.planned += 1;
    return placed;
  }
  return undefined;
}

/** From the earliest start, each next class starts on the first teaching day after the previous one's last day. */
export function backToBackSlots(starts: ReadonlyArray<readonly string[]>): ReadonlyArray<readonly string[]> {
  const slots: Array<readonly string[]> = [];
  for (const dates of starts) {
    const previous = slots[slots.length - 1];
    if (!previous || dates[0] > previous[previous.length - 1]) slots.push(dates);
  }
  return slots;
}

function roomFree(state: VenueSlotState, occupancy: Map<string, Map<string, number>>, dates: readonly string[]): boolean {
  const booked = occupancy.get(state.venue.venueCode);
  return spanOf(dates).every((date) => !state.venue.closedDays.includes(date) && (booked?.get(date) ?? 0) < state.rooms);
}

function bookRoom(state: VenueSlotState, occupancy: Map<string, Map<string, number>>, dates: readonly string[]): void {
  const booked = occupancy.get(state.venue.venueCode) ?? new Map<string, number>();
  for (const date of spanOf(dates)) booked.set(date, (booked.get(date) ?? 0) + 1);
  occupancy.set(state.venue.venueCode, booked);
}

function countOf(counts: ReadonlyMap<string, number>, key: string): number {
  return counts.get(key) ?? 0;
}

/**
 * The competent instructors and what they already teach. Free for a class: no booking overlapping the days it spans
 * (instructor-module assigns the whole range), and fewer classes starting in its month than their limit, as
 * instructor-module counts them.
 */
class InstructorPool {
  private readonly bookings = new Map<string, Array<{ startDate: string; endDate: string }>>();
  private readonly loads = new Map<string, number>();

  constructor(
    private readonly instructors: readonly PlannableInstructor[],
    bookings: readonly InstructorBooking[],
  ) {
    for (const booking of bookings) this.record(booking.instructorId, booking.startDate, booking.endDate);
  }

  get size(): number {
    return this.instructors.length;
  }

  /** The free instructor instructor-module would rank first (`bestRankedInstructor`, the ranking it staffs by). */
  bestFor(classDates: readonly string[], provinceCode: string): string | undefined {
    const startDate = classDates[0];
    const endDate = classDates[classDates.length - 1];
    const month = monthOf(startDate);
    const loadOf = (instructor: PlannableInstructor) => this.loads.get(`${instructor.instructorId}|${month}`) ?? 0;
    const free = this.instructors
      .filter(
        (instructor) =>
          loadOf(instructor) < instructor.maxClassesPerPeriod &&
          !this.bookings.get(instructor.instructorId)?.some((booked) => booked.startDate <= endDate && booked.endDate >= startDate),
      )
      .map((instructor) => ({ instructorId: instructor.instructorId, homeProvinceCode: instructor.homeProvinceCode, load: loadOf(instructor) }));
    return bestRankedInstructor(free, provinceCode)?.instructorId;
  }

  book(instructorId: string, classDates: readonly string[]): void {
    this.record(instructorId, classDates[0], classDates[classDates.length - 1]);
  }

  private record(instructorId: string, startDate: string, endDate: string): void {
    const booked = this.bookings.get(instructorId) ?? [];
    booked.push({ startDate, endDate });
    this.bookings.set(instructorId, booked);
    const key = `${instructorId}|${monthOf(startDate)}`;
    this.loads.set(key, (this.loads.get(key) ?? 0) + 1);
  }
}

/** instructor-module's load period: the calendar month a class starts in. */
function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Live classes per venue and day. */
export function occupancyOf(classes: readonly OccupyingClass[]): Map<string, Map<string, number>> {
  const occupancy = new Map<string, Map<string, number>>();
  for (const live of classes) {
    const booked = occupancy.get(live.venueCode) ?? new Map<string, number>();
    for (const date of daysIn({ from: live.startDate, to: live.endDate })) booked.set(date, (booked.get(date) ?? 0) + 1);
    occupancy.set(live.venueCode, booked);
  }
  return occupancy;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
