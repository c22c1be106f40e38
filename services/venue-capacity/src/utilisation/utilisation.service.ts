import { Injectable } from '@nestjs/common';
import { Caller, InvalidInput } from '@sinergi/platform';
import { DataSource, In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { UtilisationView } from '@sinergi/contracts';
import { dayCount } from '@sinergi/contracts';
import { Reservation } from '../reservations/reservation.entity';
import { RoomUnavailability } from '../unavailability/room-unavailability.entity';
import { Room } from '../venues/room.entity';
import { Venue } from '../venues/venue.entity';
import { UtilisationQuery } from './utilisation.query';
import { utilisation } from './utilisation.rules';

const MAX_DAYS = 366;

@Injectable()
export class UtilisationService {
  constructor(private readonly dataSource: DataSource) {}

  /** With the `own` reach only the caller's venues: asking for another venue is Forbidden (field venueCode). */
  async of(query: UtilisationQuery, caller: Caller): Promise<UtilisationView> {
    if (query.venueCode) caller.assertReaches({ venueCodes: [query.venueCode] }, 'venueCode');
    const range = { from: query.from, to: query.to };
    if (query.to < query.from) throw new InvalidInput({ field: 'to', rule: 'not-before-from', message: 'to must not be before from' });
    if (dayCount(range) > MAX_DAYS) {
      throw new InvalidInput({ field: 'to', rule: 'max-range', message: `from and to must be at most ${MAX_DAYS} days apart` });
    }

    const manager = this.dataSource.manager;
    const venues = await manager.findBy(Venue, {
      ...(query.venueCode ? { venueCode: query.venueCode } : caller.reach === 'own' ? { venueCode: In([...(caller.principal?.venueCodes ?? [])]) } : {}),
      ...(query.provinceCode ? { provinceCode: query.provinceCode } : {}),
    });
    const venueCodes = In(venues.map((venue) => venue.venueCode));
    const rooms = await manager.findBy(Room, { venueCode: venueCodes });
    const unavailable = await manager.findBy(RoomUnavailability, { venueCode: venueCodes, from: LessThanOrEqual(query.to), to: MoreThanOrEqual(query.from) });
    const reserved = await manager.findBy(Reservation, {
      venueCode: venueCodes,
      status: 'active',
      startDate: LessThanOrEqual(query.to),
      endDate: MoreThanOrEqual(query.from),
    });

    return utilisation(
      range,
      venues.map((venue) => ({
        venueCode: venue.venueCode,
        provinceCode: venue.provinceCode,
        closedDays: venue.closedDays,
        roomCodes: rooms.filter((room) => room.venueCode === venue.venueCode).map((room) => room.roomCode),
      })),
      unavailable,
      reserved.map((reservation) => ({ venueCode: reservation.venueCode, roomCode: reservation.roomCode, from: reservation.startDate, to: reservation.endDate })),
    );
  }
}
