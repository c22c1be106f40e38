import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { roomUnavailableEvent, UnavailabilityRecordedView } from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { InvalidInput, NotFound } from '@sinergi/platform';
import { ReservationsService } from '../reservations/reservations.service';
import { Room } from '../venues/room.entity';
import { Venue } from '../venues/venue.entity';
import { notFound } from '../venues/venues.service';
import { RecordUnavailabilityDto } from './unavailability.dto';
import { RoomUnavailability } from './room-unavailability.entity';

@Injectable()
export class UnavailabilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly reservations: ReservationsService,
  ) {}

  /**
   * Takes a room out of use for a period and withdraws the classes it held then. The venue row is
   * locked, so no reservation taken at the same time can slip into the period.
   */
  record(venueCode: string, roomCode: string, dto: RecordUnavailabilityDto): Promise<UnavailabilityRecordedView> {
    if (dto.to < dto.from) throw new InvalidInput({ field: 'to', rule: 'not-before-from', message: 'to must not be before from' });
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.findOne(Venue, { where: { venueCode }, lock: { mode: 'pessimistic_write' } }))) throw notFound(venueCode);
      if (!(await manager.existsBy(Room, { venueCode, roomCode }))) {
        throw new NotFound({ field: 'roomCode', rule: 'exists', message: `venue ${venueCode} has no room coded ${roomCode}` });
      }

      const unavailability = manager.create(RoomUnavailability, { id: randomUUID(), venueCode, roomCode, ...dto });
      await manager.insert(RoomUnavailability, unavailability);
      await this.outbox.append(manager, roomUnavailableEvent.with(venueCode, { venueCode, roomCode, ...dto }));

      const affected = await this.reservations.activeIn(manager, venueCode, dto, roomCode);
      for (const reservation of affected) {
        await this.reservations.withdraw(manager, reservation, `room ${roomCode} of ${venueCode} is unavailable from ${dto.from} to ${dto.to}: ${dto.reason}`);
      }
      return { ...unavailability, createdAt: unavailability.createdAt.toISOString(), withdrawnReservationIds: affected.map((reservation) => reservation.id) };
    });
  }
}
