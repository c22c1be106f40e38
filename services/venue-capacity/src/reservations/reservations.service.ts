import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  BatchPlanned,
  VenueReservationEnded,
  venueReservationRejectedEvent,
  venueReservationReleasedEvent,
  venueReservationWithdrawnEvent,
  VenueReserved,
  venueReservedEvent,
} from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { DayRange } from '../calendar/days.rules';
import { Room } from '../venues/room.entity';
import { Venue } from '../venues/venue.entity';
import { Reservation } from './reservation.entity';
import { eventReason, noRoomFree, planRooms, RejectionRule } from './reservation.rules';

const EXCLUSION_VIOLATION = '23P01';

/** Reserves, releases and withdraws rooms; every change and its event commit in the caller's transaction. */
@Injectable()
export class ReservationsService {
  constructor(private readonly outbox: Outbox) {}

  /**
   * Holds the best free room of the named venue for every day of the class, or publishes why not.
   * A batch that already holds a reservation gets it announced again.
   */
  async reserve(manager: EntityManager, batch: BatchPlanned): Promise<Reservation | null> {
    const held = await manager.findOneBy(Reservation, { batchId: batch.batchId, status: 'active' });
    if (held) return this.announce(manager, held);

    // Shared lock: reservations run side by side, while venue updates and unavailability (FOR UPDATE) wait for them, and they for those.
    const venue = await manager.findOne(Venue, { where: { venueCode: batch.venueCode }, lock: { mode: 'pessimistic_read' } });
    const rooms = venue ? await manager.findBy(Room, { venueCode: venue.venueCode }) : [];
    const busy = venue ? await busyRooms(manager, venue.venueCode, { from: batch.startDate, to: batch.endDate }) : new Set<string>();
    const plan = planRooms(venue && { closedDays: venue.closedDays, rooms }, batch, busy);
    if (plan.outcome === 'rejected') return this.reject(manager, batch, plan.rule, plan.reason);

    for (const room of plan.rooms) {
      const reservation = await holdRoom(manager, batch, room.roomCode);
      if (reservation) return this.announce(manager, reservation);
    }
    const lost = noRoomFree(batch, rooms.filter((room) => room.seats >= batch.seats).length);
    return this.reject(manager, batch, lost.rule, lost.reason);
  }

  /** Frees the batch's room at once, if it holds one. */
  async release(manager: EntityManager, batchId: string, reason: string): Promise<void> {
    const held = await manager.findOne(Reservation, { where: { batchId, status: 'active' }, lock: { mode: 'pessimistic_write' } });
    if (held) await this.end(manager, held, 'released', reason);
  }

  /** The venue takes the room back (unavailable, removed, closed day); the saga must react. */
  withdraw(manager: EntityManager, reservation: Reservation, reason: string): Promise<void> {
    return this.end(manager, reservation, 'withdrawn', reason);
  }

  /** Active reservations of a venue (or one of its rooms) with a day in the range; locked for this transaction. */
  activeIn(manager: EntityManager, venueCode: string, range?: DayRange, roomCode?: string): Promise<Reservation[]> {
    const query = manager
      .createQueryBuilder(Reservation, 'reservation')
      .setLock('pessimistic_write')
      .where('reservation.venue_code = :venueCode AND reservation.status = :status', { venueCode, status: 'active' });
    if (roomCode) query.andWhere('reservation.room_code = :roomCode', { roomCode });
    if (range) query.andWhere('reservation.start_date <= :to AND reservation.end_date >= :from', range);
    return query.orderBy('reservation.start_date').addOrderBy('reservation.room_code').getMany();
  }

  private async announce(manager: EntityManager, reservation: Reservation): Promise<Reservation> {
    const data: VenueReserved = {
      batchId: reservation.batchId,
      reservationId: reservation.id,
      venueCode: reservation.venueCode,
      roomCode: reservation.roomCode,
      startDate: reservation.startDate,
      endDate: reservation.endDate,
      seats: reservation.seats,
    };
    await this.outbox.append(manager, { type: venueReservedEvent.type, subject: reservation.batchId, data });
    return reservation;
  }

  private async reject(manager: EntityManager, batch: BatchPlanned, rule: RejectionRule, reason: string): Promise<null> {
    await this.outbox.append(manager, {
      type: venueReservationRejectedEvent.type,
      subject: batch.batchId,
      data: { batchId: batch.batchId, venueCode: batch.venueCode, rule, reason: eventReason(reason) },
    });
    return null;
  }

  private async end(manager: EntityManager, reservation: Reservation, status: 'released' | 'withdrawn', reason: string): Promise<void> {
    const text = eventReason(reason);
    await manager.update(Reservation, { id: reservation.id }, { status, endedReason: text, endedAt: new Date() });
    const data: VenueReservationEnded = {
      batchId: reservation.batchId,
      reservationId: reservation.id,
      venueCode: reservation.venueCode,
      roomCode: reservation.roomCode,
      reason: text,
    };
    const type = status === 'released' ? venueReservationReleasedEvent.type : venueReservationWithdrawnEvent.type;
    await this.outbox.append(manager, { type, subject: reservation.batchId, data });
  }
}

/** Rooms of the venue reserved or unavailable on some day of the range. */
async function busyRooms(manager: EntityManager, venueCode: string, range: DayRange): Promise<Set<string>> {
  const rows: Array<{ room_code: string }> = await manager.query(
    `SELECT room_code FROM reservations WHERE venue_code = $1 AND status = 'active' AND days && daterange($2, $3, '[]')
     UNION SELECT room_code FROM room_unavailability WHERE venue_code = $1 AND period && daterange($2, $3, '[]')`,
    [venueCode, range.from, range.to],
  );
  return new Set(rows.map((row) => row.room_code));
}

/**
 * Inserts the reservation under a savepoint. When a concurrent class took the room first, the
 * exclusion constraint refuses the row; the savepoint keeps the transaction usable for the next room.
 */
async function holdRoom(manager: EntityManager, batch: BatchPlanned, roomCode: string): Promise<Reservation | null> {
  const reservation = manager.create(Reservation, {
    id: randomUUID(),
    batchId: batch.batchId,
    venueCode: batch.venueCode,
    roomCode,
    startDate: batch.startDate,
    endDate: batch.endDate,
    seats: batch.seats,
    status: 'active',
    endedReason: null,
    endedAt: null,
  });
  await manager.query('SAVEPOINT hold_room');
  try {
    await manager.insert(Reservation, reservation);
    await manager.query('RELEASE SAVEPOINT hold_room');
    return reservation;
  } catch (error) {
    if ((error as { code?: string }).code !== EXCLUSION_VIOLATION) throw error;
    await manager.query('ROLLBACK TO SAVEPOINT hold_room');
    return null;
  }
}
