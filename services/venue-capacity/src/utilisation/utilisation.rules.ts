import type { RoomDayUsage, UtilisationView } from '@sinergi/contracts';
import { DayRange, daysIn, rangeContains } from '@sinergi/contracts';

export interface VenueRooms {
  venueCode: string;
  provinceCode: string;
  roomCodes: readonly string[];
  closedDays: readonly string[];
}

/** A room taken for a period, both days included: a reservation or an unavailability. */
export interface RoomPeriod {
  venueCode: string;
  roomCode: string;
  from: string;
  to: string;
}

interface Tally {
  reserved: number;
  available: number;
}

/**
 * Room-days available (every room on every open day, minus its unavailability) and reserved
 * (available room-days an active reservation holds), per venue, per province and per day.
 */
export function utilisation(range: DayRange, venues: readonly VenueRooms[], unavailable: readonly RoomPeriod[], reserved: readonly RoomPeriod[]): UtilisationView {
  const days = daysIn(range);
  const unavailableByRoom = byRoom(unavailable);
  const reservedByRoom = byRoom(reserved);
  const total = tally();
  const perVenue = new Map<string, Tally>();
  const perProvince = new Map<string, Tally>();
  const perDay = new Map(days.map((day) => [day, tally()]));

  for (const venue of [...venues].sort((a, b) => compare(a.venueCode, b.venueCode))) {
    const venueTally = tally();
    perVenue.set(venue.venueCode, venueTally);
    const provinceTally = perProvince.get(venue.provinceCode) ?? tally();
    perProvince.set(venue.provinceCode, provinceTally);
    for (const day of days) {
      if (venue.closedDays.includes(day)) continue;
      for (const roomCode of venue.roomCodes) {
        const key = roomKey(venue.venueCode, roomCode);
        if (covers(unavailableByRoom.get(key), day)) continue;
        const isReserved = covers(reservedByRoom.get(key), day) ? 1 : 0;
        for (const counter of [total, venueTally, provinceTally, perDay.get(day) as Tally]) {
          counter.available += 1;
          counter.reserved += isReserved;
        }
      }
    }
  }

  return {
    ...range,
    total: usage(total),
    venues: venues.map(({ venueCode, provinceCode }) => ({ venueCode, provinceCode, ...usage(perVenue.get(venueCode) as Tally) })).sort((a, b) => compare(a.venueCode, b.venueCode)),
    provinces: [...perProvince].sort(([a], [b]) => compare(a, b)).map(([provinceCode, counted]) => ({ provinceCode, ...usage(counted) })),
    days: [...perDay].map(([date, counted]) => ({ date, ...usage(counted) })),
  };
}

export function usage({ reserved, available }: Tally): RoomDayUsage {
  return { reservedRoomDays: reserved, availableRoomDays: available, ratio: available === 0 ? null : Math.round((reserved / available) * 10_000) / 10_000 };
}

function tally(): Tally {
  return { reserved: 0, available: 0 };
}

function roomKey(venueCode: string, roomCode: string): string {
  return `${venueCode}\u0000${roomCode}`;
}

function byRoom(periods: readonly RoomPeriod[]): Map<string, RoomPeriod[]> {
  const grouped = new Map<string, RoomPeriod[]>();
  for (const period of periods) {
    const key = roomKey(period.venueCode, period.roomCode);
    grouped.set(key, [...(grouped.get(key) ?? []), period]);
  }
  return grouped;
}

function covers(periods: readonly RoomPeriod[] | undefined, day: string): boolean {
  return (periods ?? []).some((period) => rangeContains(period, day));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
