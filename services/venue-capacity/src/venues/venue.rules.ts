import type { Room, VenueState } from '@sinergi/contracts';
import { daysIn } from '@sinergi/contracts';

export interface HeldRoom {
  roomCode: string;
  startDate: string;
  endDate: string;
  seats: number;
}

/** Sorted rooms and closed days, so two states with the same content compare equal. */
export function normalised(state: VenueState): VenueState {
  return {
    ...state,
    rooms: [...state.rooms].map(({ roomCode, name, seats }) => ({ roomCode, name, seats })).sort((a, b) => compare(a.roomCode, b.roomCode)),
    closedDays: [...state.closedDays].sort(),
  };
}

export function sameState(a: VenueState, b: VenueState): boolean {
  return JSON.stringify(normalised(a)) === JSON.stringify(normalised(b));
}

export function repeatedRoomCodes(rooms: readonly Pick<Room, 'roomCode'>[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { roomCode } of rooms) (seen.has(roomCode) ? repeated : seen).add(roomCode);
  return [...repeated];
}

/**
 * Why a venue's new state no longer allows a reservation it holds (room removed, too small, or a
 * day now closed), or null when the reservation still fits.
 */
export function reservationMisfit(state: Pick<VenueState, 'rooms' | 'closedDays'>, held: HeldRoom): string | null {
  const room = state.rooms.find((candidate) => candidate.roomCode === held.roomCode);
  if (!room) return `room ${held.roomCode} was removed from the venue`;
  if (room.seats < held.seats) return `room ${held.roomCode} now seats ${room.seats}; the class needs ${held.seats}`;
  const closed = daysIn({ from: held.startDate, to: held.endDate }).filter((day) => state.closedDays.includes(day));
  if (closed.length > 0) return `the venue is now closed on ${closed.join(', ')}`;
  return null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
