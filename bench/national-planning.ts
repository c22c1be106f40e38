import { readFileSync } from 'node:fs';
import { DEFAULT_TEACHING_WEEKDAYS, daysOffOf, PROVINCE_CODES, SHIPPED_HOLIDAY_CALENDAR_FILE } from '@sinergi/contracts';
import { Candidate, isFree, periodOf, rankCandidates } from '../services/instructor-module/src/assignments/assignment.rules';
import { InstructorBooking, PlannableInstructor, PlannableVenue, PlannedClass, planBulk } from '../services/program/src/batches/batch-planner.rules';

/**
 * A national-size bulk plan through program's planner, then the saga's answers as venue-capacity and instructor-module
 * decide them (a free room of the venue; instructor-module's own ranking, with the planner's proposal first while free),
 * taken in a shuffled order as Kafka's partitions interleave them. Pure rules, no broker or database: it counts how many
 * classes would be confirmed and how many fail, and why. Sizes: PLAN_PROVINCES (20), PLAN_VENUES_PER_PROVINCE (3),
 * PLAN_ROOMS (4), PLAN_INSTRUCTORS (236), PLAN_MAX_PER_MONTH (2), PLAN_CLASSES (625), PLAN_YEAR (next year).
 */
const numberOf = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const PROVINCES = PROVINCE_CODES.slice(0, numberOf('PLAN_PROVINCES', 20));
const VENUES_PER_PROVINCE = numberOf('PLAN_VENUES_PER_PROVINCE', 3);
const ROOMS = numberOf('PLAN_ROOMS', 4);
const INSTRUCTORS = numberOf('PLAN_INSTRUCTORS', 236);
const MAX_PER_MONTH = numberOf('PLAN_MAX_PER_MONTH', 2);
const CLASSES = numberOf('PLAN_CLASSES', 625);
const YEAR = numberOf('PLAN_YEAR', new Date().getUTCFullYear() + 1);
const MODULE = 'KWU-DASAR';

const venues: PlannableVenue[] = PROVINCES.flatMap((provinceCode) =>
  Array.from({ length: VENUES_PER_PROVINCE }, (_, index) => ({
    venueCode: `BLK-${provinceCode}-${index + 1}`,
    provinceCode,
    rooms: Array.from({ length: ROOMS }, () => ({ seats: 20 })),
    closedDays: [],
  })),
);
const instructors: PlannableInstructor[] = Array.from({ length: INSTRUCTORS }, (_, index) => ({
  instructorId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  homeProvinceCode: PROVINCES[index % PROVINCES.length],
  competencies: [MODULE],
  maxClassesPerPeriod: MAX_PER_MONTH,
  active: true,
}));

const holidays = daysOffOf(JSON.parse(readFileSync(SHIPPED_HOLIDAY_CALENDAR_FILE, 'utf8')));
const programme = {
  periodStart: `${YEAR}-05-01`,
  periodEnd: `${YEAR}-06-30`,
  participantCeiling: 10_000,
  classDays: 5,
  classSize: 16,
  teachingWeekdays: DEFAULT_TEACHING_WEEKDAYS,
};

const started = process.hrtime.bigint();
const plan = planBulk({
  programme,
  moduleCode: MODULE,
  holidays,
  count: CLASSES,
  from: programme.periodStart,
  to: programme.periodEnd,
  provinceCodes: PROVINCES,
  venues,
  occupying: [],
  instructors,
  bookings: [],
  liveSeats: 0,
});
const planningMs = Number(process.hrtime.bigint() - started) / 1e6;

/** A deterministic shuffle (mulberry32), so runs compare. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

const overlaps = (a: { startDate: string; endDate: string }, b: { startDate: string; endDate: string }) => a.startDate <= b.endDate && b.startDate <= a.endDate;
const roomHolds = new Map<string, Array<{ startDate: string; endDate: string }>>();
const assignments: InstructorBooking[] = [];
const failures = new Map<string, number>();
let confirmed = 0;
for (const planned of shuffled<PlannedClass>(plan.classes, 12)) {
  const span = { startDate: planned.classDates[0], endDate: planned.classDates[planned.classDates.length - 1] };
  const room = Array.from({ length: ROOMS }, (_, index) => `${planned.venueCode}/R${index + 1}`).find(
    (code) => !(roomHolds.get(code) ?? []).some((held) => overlaps(held, span)),
  );
  const candidates: Candidate[] = instructors.map((instructor) => ({
    instructorId: instructor.instructorId,
    homeProvinceCode: instructor.homeProvinceCode,
    maxClassesPerPeriod: instructor.maxClassesPerPeriod,
    load: assignments.filter((held) => held.instructorId === instructor.instructorId && periodOf(held.startDate) === periodOf(span.startDate)).length,
    busy: assignments.some((held) => held.instructorId === instructor.instructorId && overlaps(held, span)),
    unavailable: false,
  }));
  const proposed = candidates.find((candidate) => candidate.instructorId === planned.proposedInstructorId && isFree(candidate));
  const instructor = proposed ?? rankCandidates(candidates, planned.provinceCode)[0];
  if (room && instructor) {
    roomHolds.set(room, [...(roomHolds.get(room) ?? []), span]);
    assignments.push({ instructorId: instructor.instructorId, ...span });
    confirmed += 1;
  } else {
    const step = room ? 'instructor' : 'venue';
    failures.set(step, (failures.get(step) ?? 0) + 1);
  }
}

const starts = new Map<string, number>();
for (const planned of plan.classes) starts.set(planned.classDates[0], (starts.get(planned.classDates[0]) ?? 0) + 1);
process.stdout.write(
  `${JSON.stringify(
    {
      sizes: { provinces: PROVINCES.length, venues: venues.length, roomsPerVenue: ROOMS, instructors: INSTRUCTORS, maxClassesPerMonth: MAX_PER_MONTH, classes: CLASSES, window: `${programme.periodStart}..${programme.periodEnd}` },
      planningMs: Math.round(planningMs),
      planned: plan.classes.length,
      unplaced: plan.unplaced,
      confirmed,
      failed: Object.fromEntries(failures),
      classesByStartDate: Object.fromEntries([...starts].sort(([a], [b]) => a.localeCompare(b))),
    },
    null,
    2,
  )}\n`,
);
