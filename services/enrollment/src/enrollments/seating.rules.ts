/** How full a class is, as far as choosing a place goes. */
export interface ClassFill {
  id: string;
  startDate: string;
  seats: number;
  reserves: number;
  selected: number;
  reserved: number;
}

export type Placement<T extends ClassFill> =
  | { kind: 'seat'; klass: T }
  | { kind: 'reserve'; klass: T; rank: number }
  | { kind: 'none'; reason: string };

/**
 * First come, first served: a seat in the class with the most free seats, else a place on the reserve list
 * with the most free places (its rank is the next one), else none. Ties go to the earlier class, then the lower id.
 */
export function placeIn<T extends ClassFill>(classes: readonly T[]): Placement<T> {
  const byFree = (free: (fill: T) => number): T | undefined =>
    classes
      .filter((fill) => free(fill) > 0)
      .sort((a, b) => free(b) - free(a) || a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id))[0];
  const withSeat = byFree((fill) => fill.seats - fill.selected);
  if (withSeat) return { kind: 'seat', klass: withSeat };
  const withReserve = byFree((fill) => fill.reserves - fill.reserved);
  if (withReserve) return { kind: 'reserve', klass: withReserve, rank: withReserve.reserved + 1 };
  return { kind: 'none', reason: noPlaceReason(classes) };
}

function noPlaceReason(classes: readonly ClassFill[]): string {
  if (classes.length === 1) {
    const [only] = classes;
    return `the class is full: all ${only.seats} seats and ${only.reserves} reserve places are taken`;
  }
  return `all ${classes.length} classes are full: every seat and reserve place is taken`;
}
