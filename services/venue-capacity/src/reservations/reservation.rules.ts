import type { Room, VenueReservationRejected } from '@sinergi/contracts';
import { daysIn } from '@sinergi/contracts';

export type RejectionRule = VenueReservationRejected['rule'];

export interface RoomRequest {
  startDate: string;
  endDate: string;
  seats: number;
}

export interface VenueCalendar {
  closedDays: readonly string[];
  rooms: readonly Room[];
}

export interface Rejection {
  outcome: 'rejected';
  rule: RejectionRule;
  reason: string;
}

export type RoomPlan = { outcome: 'try'; rooms: Room[] } | Rejection;

/**
 * Which rooms to try for a class, best first (the smallest that seats it, then by room code),
 * or why none can. `busyRoomCodes` are rooms already reserved or unavailable on some day of the class.
 */
export function planRooms(venue: VenueCalendar | null, request: RoomRequest, busyRoomCodes: ReadonlySet<string>): RoomPlan {
  if (!venue) return { outcome: 'rejected', rule: 'venue-unknown', reason: 'the venue is not in the catalogue' };
  if (request.endDate < request.startDate) {
    return { outcome: 'rejected', rule: 'no-room-free', reason: `endDate ${request.endDate} is before startDate ${request.startDate}: no day to reserve` };
  }
  const closed = daysIn({ from: request.startDate, to: request.endDate }).filter((day) => venue.closedDays.includes(day));
  if (closed.length > 0) return { outcome: 'rejected', rule: 'closed-day', reason: `the venue is closed on ${closed.join(', ')}` };

  const largeEnough = venue.rooms.filter((room) => room.seats >= request.seats);
  if (largeEnough.length === 0) {
    const largest = Math.max(0, ...venue.rooms.map((room) => room.seats));
    return { outcome: 'rejected', rule: 'no-room-large-enough', reason: `the largest room seats ${largest}; the class needs ${request.seats}` };
  }
  const free = largeEnough.filter((room) => !busyRoomCodes.has(room.roomCode)).sort(bestFirst);
  return free.length > 0 ? { outcome: 'try', rooms: free } : noRoomFree(request, largeEnough.length);
}

export function noRoomFree(request: RoomRequest, largeEnoughRooms: number): Rejection {
  return {
    outcome: 'rejected',
    rule: 'no-room-free',
    reason: `all ${largeEnoughRooms} room(s) with at least ${request.seats} seats are reserved or unavailable on some day from ${request.startDate} to ${request.endDate}`,
  };
}

function bestFirst(a: Room, b: Room): number {
  return a.seats - b.seats || (a.roomCode < b.roomCode ? -1 : a.roomCode > b.roomCode ? 1 : 0);
}

/** Event reasons are at most 500 characters. */
export function eventReason(text: string): string {
  return text.length <= 500 ? text : `${text.slice(0, 499)}…`;
}

/** The reservation a class holds, as far as moving it matters. */
export interface HeldRoom {
  roomCode: string;
  seats: number;
  startDate: string;
  endDate: string;
}

export interface NewDates {
  startDate: string;
  endDate: string;
}

/**
 * Where a held reservation goes when its class moves to new dates:
 * `unchanged` (same dates: announce it again), `try` the rooms in order (the room it holds first, when it
 * still fits and is free, then the others as for a new class), or `withdraw` it, saying why.
 * `busyRoomCodes` must leave out the reservation itself.
 */
export type MovePlan = { outcome: 'unchanged' } | { outcome: 'try'; rooms: Room[] } | { outcome: 'withdraw'; reason: string };

export function planMove(venue: VenueCalendar | null, held: HeldRoom, to: NewDates, busyRoomCodes: ReadonlySet<string>): MovePlan {
  if (held.startDate === to.startDate && held.endDate === to.endDate) return { outcome: 'unchanged' };
  const request = { startDate: to.startDate, endDate: to.endDate, seats: held.seats };
  const plan = planRooms(venue, request, busyRoomCodes);
  if (plan.outcome === 'rejected') return { outcome: 'withdraw', reason: cannotMove(to, plan) };
  const same = plan.rooms.filter((room) => room.roomCode === held.roomCode);
  return { outcome: 'try', rooms: [...same, ...plan.rooms.filter((room) => room.roomCode !== held.roomCode)] };
}

/** Why a class cannot move to its new dates, for the withdrawal. */
export function cannotMove(to: NewDates, rejection: Rejection): string {
  const why = rejection.rule === 'no-room-free' && to.endDate >= to.startDate ? `no room free (${rejection.reason})` : rejection.reason;
  return eventReason(`cannot move to ${to.startDate}..${to.endDate}: ${why}`);
}
