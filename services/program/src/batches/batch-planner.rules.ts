import type { PlanningRule, UnplacedClasses, Weekday } from '@sinergi/contracts';
import { daysIn, isTeachingDay, teachingDayOnOrAfter, teachingDaysFrom, weekdayOf } from '@sinergi/contracts';

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

export interface BulkPlanInput {
  programme: ProgrammeClassRules;
  holidays: ReadonlySet<string>;
  count: number;
  /** Start dates are chosen in [from, to]; every class also ends inside the programme period. */
  from: string;
  to: string;
  /** In order of preference; classes are dealt to them in turn. */
  provinceCodes: readonly string[];
  venues: readonly PlannableVenue[];
  occupying: readonly OccupyingClass[];
  liveSeats: number;
}

export interface PlannedClass {
  venueCode: string;
  provinceCode: string;
  /** The teaching days it is held on, first to last. */
  classDates: string[];
}

export interface BulkPlan {
  classes: PlannedClass[];
  unplaced: UnplacedClasses[];
}

interface VenueSlotState {
  venue: PlannableVenue;
  rooms: number;
  planned: number;
  full: boolean;
}

/**
 * Chooses a venue and start date for each of `count` classes. Provinces take turns; inside a
 * province the venue with the fewest new classes goes next, at its earliest teaching day on
 * which every day the class spans is open and has a free usable room. No venue-day ever holds
 * more live classes than the venue has usable rooms.
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
  const occupancy = occupancyOf(input.occupying);

  const provinces = [...new Set(input.provinceCodes)]
    .map((provinceCode) =>
      input.venues
        .filter((venue) => venue.provinceCode === provinceCode)
        .sort((a, b) => a.venueCode.localeCompare(b.venueCode))
        .map((venue): VenueSlotState => ({ venue, rooms: usableRooms(venue, programme.classSize), planned: 0, full: false }))
        .filter((state) => state.rooms > 0),
    )
    .filter((venues) => venues.length > 0);

  const classes: PlannedClass[] = [];
  while (classes.length < wanted && provinces.some((venues) => venues.some((state) => !state.full))) {
    for (const venues of provinces) {
      if (classes.length >= wanted) break;
      const placed = placeInProvince(venues, starts, occupancy);
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
    unplaced.push({
      rule: 'no-capacity',
      count: wanted - classes.length,
      reason: `no open venue-day with a free room of at least ${programme.classSize} seats is left in ${input.provinceCodes.join(', ')} for start dates ${input.from} to ${input.to}`,
    });
  }
  return { classes, unplaced };
}

/** `starts`: the teaching days of a class from each possible start date, earliest first. */
function placeInProvince(
  venues: VenueSlotState[],
  starts: ReadonlyArray<readonly string[]>,
  occupancy: Map<string, Map<string, number>>,
): PlannedClass | undefined {
  const candidates = venues.filter((state) => !state.full).sort((a, b) => a.planned - b.planned);
  for (const state of candidates) {
    const booked = occupancy.get(state.venue.venueCode) ?? new Map<string, number>();
    const classDates = starts.find((dates) =>
      spanOf(dates).every((date) => !state.venue.closedDays.includes(date) && (booked.get(date) ?? 0) < state.rooms),
    );
    if (!classDates) {
      state.full = true;
      continue;
    }
    for (const date of spanOf(classDates)) booked.set(date, (booked.get(date) ?? 0) + 1);
    occupancy.set(state.venue.venueCode, booked);
    state.planned += 1;
    return { venueCode: state.venue.venueCode, provinceCode: state.venue.provinceCode, classDates: [...classDates] };
  }
  return undefined;
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
