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

/** A kind of place, by the counters that say how many there are and how many are taken. */
export interface PlaceKind {
  kind: 'seat' | 'reserve';
  capacity: 'seats' | 'reserves';
  taken: 'selected' | 'reserved';
}

/** The kinds of place in the order they are given: any free seat before any reserve place. */
export const PLACE_KINDS: readonly PlaceKind[] = [
  { kind: 'seat', capacity: 'seats', taken: 'selected' },
  { kind: 'reserve', capacity: 'reserves', taken: 'reserved' },
];

/** Among classes with a free place of a kind: the most free places first, ties to the earlier class, then the lower id. */
export const TIE_BREAKS = ['startDate', 'id'] as const;

/**
 * First come, first served: a seat in the class with the most free seats, else a place on the reserve list
 * with the most free places (its rank is the next one), else none. Ties go to the earlier class, then the lower id.
 */
export function placeIn<T extends ClassFill>(classes: readonly T[]): Placement<T> {
  for (const { kind, capacity, taken } of PLACE_KINDS) {
    const free = (fill: T): number => fill[capacity] - fill[taken];
    const [best] = classes
      .filter((fill) => free(fill) > 0)
      .sort((a, b) => free(b) - free(a) || TIE_BREAKS.reduce((order, key) => order || a[key].localeCompare(b[key]), 0));
    if (best) return kind === 'seat' ? { kind, klass: best } : { kind, klass: best, rank: best.reserved + 1 };
  }
  return { kind: 'none', reason: noPlaceReason(classes) };
}

function noPlaceReason(classes: readonly ClassFill[]): string {
  if (classes.length === 1) {
    const [only] = classes;
    return `the class is full: all ${only.seats} seats and ${only.reserves} reserve places are taken`;
  }
  return `all ${classes.length} classes are full: every seat and reserve place is taken`;
}
