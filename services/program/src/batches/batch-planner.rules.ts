import type { PlanningRule, UnplacedClasses } from '@sinergi/contracts';
import { addDays, daysIn } from '@sinergi/contracts';

/** The days a class is held on: `classDays` days in a row from its first. */
function classDates(startDate: string, classDays: number): string[] {
  return daysIn({ from: startDate, to: addDays(startDate, classDays - 1) });
}

/** What planning needs of a programme's class rules. */
export interface ProgrammeClassRules {
  periodStart: string;
  periodEnd: string;
  participantCeiling: number;
  classDays: number;
  classSize: number;
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
  venue: PlannableVenue | undefined;
  venueCode: string;
  startDate: string;
  today: string;
}): Refusal | undefined {
  const { programme, venue, startDate } = input;
  const endDate = addDays(startDate, programme.classDays - 1);
  if (startDate < input.today) return { rule: 'start-in-past', message: `startDate ${startDate} is before today (${input.today})` };
  if (startDate < programme.periodStart || endDate > programme.periodEnd) {
    return {
      rule: 'outside-programme-period',
      message: `a class from ${startDate} to ${endDate} does not lie in the programme period ${programme.periodStart} to ${programme.periodEnd}`,
    };
  }
  if (!venue) return { rule: 'venue-unknown', message: `venueCode ${input.venueCode} is not in the venue directory` };
  const closed = classDates(startDate, programme.classDays).filter((date) => venue.closedDays.includes(date));
  if (closed.length > 0) return { rule: 'venue-closed', message: `venue ${venue.venueCode} is closed on ${closed.join(', ')}` };
  if (usableRooms(venue, programme.classSize) === 0) {
    return { rule: 'no-room-large-enough', message: `venue ${venue.venueCode} has no room with at least ${programme.classSize} seats` };
  }
  return undefined;
}

/** Why start dates in [from, to] cannot be used for bulk planning, or undefined when they can. */
export function bulkWindowRefusal(programme: ProgrammeClassRules, from: string, to: string, today: string): Refusal | undefined {
  if (from < today) return { rule: 'start-in-past', message: `from ${from} is before today (${today})` };
  if (from < programme.periodStart || addDays(from, programme.classDays - 1) > programme.periodEnd || to > programme.periodEnd) {
    return {
      rule: 'outside-programme-period',
      message: `start dates ${from} to ${to} must let a ${programme.classDays}-day class lie in the programme period ${programme.periodStart} to ${programme.periodEnd}`,
    };
  }
  return undefined;
}

export interface BulkPlanInput {
  programme: ProgrammeClassRules;
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
  startDate: string;
  endDate: string;
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
 * province the venue with the fewest new classes goes next, at its earliest start date on
 * which every class day is open and has a free usable room. No venue-day ever holds more
 * live classes than the venue has usable rooms.
 */
export function planBulk(input: BulkPlanInput): BulkPlan {
  const { programme } = input;
  const allowedByCeiling = Math.max(0, Math.floor((programme.participantCeiling - input.liveSeats) / programme.classSize));
  const wanted = Math.min(input.count, allowedByCeiling);
  const lastStart = addDays(programme.periodEnd, 1 - programme.classDays);
  const starts = daysIn({ from: maxDate(input.from, programme.periodStart), to: minDate(input.to, lastStart) });
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
      const placed = placeInProvince(venues, starts, programme.classDays, occupancy);
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

function placeInProvince(
  venues: VenueSlotState[],
  starts: readonly string[],
  classDays: number,
  occupancy: Map<string, Map<string, number>>,
): PlannedClass | undefined {
  const candidates = venues.filter((state) => !state.full).sort((a, b) => a.planned - b.planned);
  for (const state of candidates) {
    const booked = occupancy.get(state.venue.venueCode) ?? new Map<string, number>();
    const startDate = starts.find((start) =>
      classDates(start, classDays).every((date) => !state.venue.closedDays.includes(date) && (booked.get(date) ?? 0) < state.rooms),
    );
    if (!startDate) {
      state.full = true;
      continue;
    }
    const dates = classDates(startDate, classDays);
    for (const date of dates) booked.set(date, (booked.get(date) ?? 0) + 1);
    occupancy.set(state.venue.venueCode, booked);
    state.planned += 1;
    return { venueCode: state.venue.venueCode, provinceCode: state.venue.provinceCode, startDate, endDate: dates[dates.length - 1] };
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

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
