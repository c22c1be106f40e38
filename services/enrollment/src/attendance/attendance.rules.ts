import { daysIn, FieldError, parseCivilDate } from '@sinergi/contracts';

/** The teaching days of a class as program announces them; an older event without them: every day from start to end. */
export function classDatesOf(klass: { startDate: string; endDate: string; classDates?: string[] }): string[] {
  return klass.classDates ?? daysIn({ from: klass.startDate, to: klass.endDate });
}

/** Why a day cannot be recorded for a class; undefined when it can. Today is the day in WIB. */
export function dayProblem(day: string, klass: { classDates: readonly string[] }, today: string): FieldError | undefined {
  if (!parseCivilDate(day)) return { field: 'day', rule: 'isCivilDate', message: 'must be a date YYYY-MM-DD, e.g. 2025-05-12' };
  if (!klass.classDates.includes(day)) return { field: 'day', rule: 'class-day', message: `must be a teaching day of the class: ${klass.classDates.join(', ')}` };
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

/** Whether attendance meets the completion rule: at least `minPercent` of the class's teaching days. */
export function completes(attendedDays: number, classDays: number, minPercent: number): boolean {
  return attendedDays * 100 >= minPercent * classDays;
}
