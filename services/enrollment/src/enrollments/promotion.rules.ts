import { addDays } from '@sinergi/contracts';

/** A place on a class's reserve list; rank 1 is the next to be promoted. */
export interface ReservePlace {
  id: string;
  rank: number;
}

export interface ReserveChange {
  /** The reserve that takes the freed seat, if a seat was freed and anyone is waiting. */
  promoted?: ReservePlace;
  /** The reserves left on the list whose rank changes, in ascending new rank. */
  renumbered: Array<{ id: string; from: number; to: number }>;
}

/**
 * What happens to a class's reserve list (those still on it) when a seat is freed by an expiry or a withdrawal, or a
 * reserve has left it: the first by rank takes a freed seat, and the rest close up to ranks 1, 2, ...
 */
export function reshuffleReserves(reserves: readonly ReservePlace[], change: { seatFreed: boolean }): ReserveChange {
  const waiting = [...reserves].sort((a, b) => a.rank - b.rank);
  const promoted = change.seatFreed ? waiting.shift() : undefined;
  const renumbered = waiting
    .map((place, index) => ({ id: place.id, from: place.rank, to: index + 1 }))
    .filter((place) => place.from !== place.to);
  return { ...(promoted ? { promoted } : {}), renumbered };
}

/** A promoted reserve confirms by the later of the class's confirm-by day and today + `days` (all YYYY-MM-DD, WIB). */
export function promotionConfirmBy(classConfirmBy: string, today: string, days: number): string {
  const earliest = addDays(today, days);
  return classConfirmBy > earliest ? classConfirmBy : earliest;
}

/** Whether a selected seat has expired: today (WIB) is past its confirm-by day. */
export function isExpired(confirmBy: string, today: string): boolean {
  return today > confirmBy;
}
