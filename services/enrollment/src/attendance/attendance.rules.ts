import { addDays, FieldError, parseCivilDate } from '@sinergi/contracts';

/** Every day of a class: program holds it on each day from its start to its end. */
export function classDaysOf(startDate: string, endDate: string): string[] {
  const days: string[] = [];
  for (let day = startDate; day <= endDate; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Why a day cannot be recorded for a class; undefined when it can. Today is the day in WIB. */
export function dayProblem(day: string, klass: { startDate: string; endDate: string }, today: string): FieldError | undefined {
  if (!parseCivilDate(day)) return { field: 'day', rule: 'isCivilDate', message: 'must be a date YYYY-MM-DD, e.g. 2025-05-12' };
  if (day < klass.startDate || day > klass.endDate) return { field: 'day', rule: 'class-day', message: `must be a day of the class, ${klass.startDate} to ${klass.endDate}` };
  if (day > today) return { field: 'day', rule: 'not-in-future', message: `must not be in the future; today in WIB is ${today}` };
  return undefined;
}

/** The records that name the same enrollment twice, or one not seated in the class, each at `records.<i>.enrollmentId`. */
export function recordProblems(enrollmentIds: readonly string[], seated: ReadonlySet<string>): FieldError[] {
  const seen = new Set<string>();
  const problems: FieldError[] = [];
  enrollmentIds.forEach((id, index) => {
    const field = `records.${index}.enrollmentId`;
    if (seen.has(id)) problems.push({ field, rule: 'listed-once', message: `${id} is listed more than once` });
    else if (!seated.has(id)) problems.push({ field, rule: 'seated', message: `${id} is not a seated participant of this class (selected or confirmed)` });
    seen.add(id);
  });
  return problems;
}

/** Whether attendance meets the completion rule: at least `minPercent` of the class's days. */
export function completes(attendedDays: number, classDays: number, minPercent: number): boolean {
  return attendedDays * 100 >= minPercent * classDays;
}
