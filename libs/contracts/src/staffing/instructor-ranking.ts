/**
 * The one order in which instructors free for a class are preferred. instructor-module staffs a class by it, and
 * program's bulk planner proposes the instructor it ranks first, so a plan's proposals are the ones instructor-module
 * would choose itself.
 */
export interface RankedInstructor {
  instructorId: string;
  homeProvinceCode: string;
  /** Their classes starting in the month the class starts in. */
  load: number;
}

/** Home province is the class's first, then the lightest load that month, then the id (code-unit order, not locale). */
export function instructorRanking(provinceCode: string): (a: RankedInstructor, b: RankedInstructor) => number {
  const elsewhere = (instructor: RankedInstructor) => (instructor.homeProvinceCode === provinceCode ? 0 : 1);
  return (a, b) => elsewhere(a) - elsewhere(b) || a.load - b.load || compareIds(a.instructorId, b.instructorId);
}

/** The instructors best first (a sorted copy). */
export function rankInstructors<T extends RankedInstructor>(instructors: readonly T[], provinceCode: string): T[] {
  return [...instructors].sort(instructorRanking(provinceCode));
}

/** The instructor ranked first, without sorting them all; undefined when there is none. */
export function bestRankedInstructor<T extends RankedInstructor>(instructors: Iterable<T>, provinceCode: string): T | undefined {
  const ranking = instructorRanking(provinceCode);
  let best: T | undefined;
  for (const instructor of instructors) if (!best || ranking(instructor, best) < 0) best = instructor;
  return best;
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
