import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  BatchPlanned,
  BatchRescheduled,
  DayRange,
  VenueReservationEnded,
  venueReservationRejectedEvent,
  venueReservationReleasedEvent,
  venueReservationWithdrawnEvent,
  VenueReserved,
  venueReservedEvent,
} from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { ADVISORY_LOCKS, isExclusionViolation, lockUntilTransactionEnds, withSavepoint } from '@sinergi/platform';
import { Room } from '../venues/room.entity';
import { Venue } from '../venues/venue.entity';
import { Reservation } from './reservation.entity';
import { cannotMove, eventReason, noRoomFree, planMove, planRooms, RejectionRule } from './reservation.rules';


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

  /**
   * Moves the batch's active reservation to the class's new dates: its own room when free then, else the
   * best other room of the venue that seats it. Announces the reservation (same id, new dates and room),
   * or withdraws it when no room can take the new dates. A batch without an active reservation is left alone.
   */
  async reschedule(manager: EntityManager, batch: BatchRescheduled): Promise<Reservation | null> {
    const found = await manager.findOneBy(Reservation, { batchId: batch.batchId, status: 'active' });
    if (!found) return null;
    // Venue first (shared), then the reservation (exclusive): the order venue changes take, so neither waits on the other in a cycle.
    const venue = await manager.findOne(Venue, { where: { venueCode: found.venueCode }, lock: { mode: 'pessimistic_read' } });
    const held = await manager.findOne(Reservation, { where: { id: found.id, status: 'active' }, lock: { mode: 'pessimistic_write' } });
    if (!held) return null; // ended (released, withdrawn) while we waited for the locks

    const to = { startDate: batch.startDate, endDate: batch.endDate };
    const rooms = venue ? await manager.findBy(Room, { venueCode: venue.venueCode }) : [];
    const busy = venue ? await busyRooms(manager, venue.venueCode, { from: to.startDate, to: to.endDate }, held.id) : new Set<string>();
    const plan = planMove(venue && { closedDays: venue.closedDays, rooms }, held, to, busy);
    if (plan.outcome === 'unchanged') return this.announce(manager, held);
    if (plan.outcome === 'withdraw') {
      await this.withdraw(manager, held, plan.reason);
      return null;
    }

    for (const room of plan.rooms) {
      if (await moveRoom(manager, held, room.roomCode, to)) return this.announce(manager, { ...held, roomCode: room.roomCode, ...to });
    }
    const lost = noRoomFree({ ...to, seats: held.seats }, rooms.filter((room) => room.seats >= held.seats).length);
    await this.withdraw(manager, held, cannotMove(to, lost));
    return null;
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
    await this.outbox.append(manager, venueReservedEvent.with(reservation.batchId, data));
    return reservation;
  }

  private async reject(manager: EntityManager, batch: BatchPlanned, rule: RejectionRule, reason: string): Promise<null> {
    await this.outbox.append(
      manager,
      venueReservationRejectedEvent.with(batch.batchId, {
        batchId: batch.batchId,
        venueCode: batch.venueCode,
        rule,
        reason: eventReason(reason),
      }),
    );
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
    const event = status === 'released' ? venueReservationReleasedEvent : venueReservationWithdrawnEvent;
    await this.outbox.append(manager, event.with(reservation.batchId, data));
  }
}

/** Rooms of the venue reserved (by another reservation than `exceptReservationId`) or unavailable on some day of the range. */
async function busyRooms(manager: EntityManager, venueCode: string, range: DayRange, exceptReservationId: string | null = null): Promise<Set<string>> {
  if (range.to < range.from) return new Set(); // no day to check (the plan rejects such dates); daterange() would raise an error on them
  const rows: Array<{ room_code: string }> = await manager.query(
    `SELECT room_code FROM reservations WHERE venue_code = $1 AND status = 'active' AND days && daterange($2, $3, '[]') AND id IS DISTINCT FROM $4::uuid
     UNION SELECT room_code FROM room_unavailability WHERE venue_code = $1 AND period && daterange($2, $3, '[]')`,
    [venueCode, range.from, range.to, exceptReservationId],
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
  const insert = async (): Promise<Reservation | null> => {
    await lockRoom(manager, batch.venueCode, roomCode);
    try {
      await manager.insert(Reservation, reservation);
      return reservation;
    } catch (error) {
      if (!isExclusionViolation(error)) throw error;
      return null;
    }
  };
  return withSavepoint(manager, 'hold_room', insert, (held) => held !== null);
}

/**
 * Waits for any other transaction placing a reservation in the room. Two inserters checking the exclusion
 * constraint at once each wait for the other's row, which PostgreSQL ends as a deadlock; one at a time,
 * the second sees the first's committed row and is refused at once. Taken inside the attempt's savepoint,
 * so a refused attempt lets the room go again: a reservation holds at most the room it got.
 */
function lockRoom(manager: EntityManager, venueCode: string, roomCode: string): Promise<void> {
  return lockUntilTransactionEnds(manager, ADVISORY_LOCKS.roomReservation, `${venueCode}:${roomCode}`);
}

/**
 * Moves the reservation to a room and new dates under a savepoint (same id, so it stays the batch's one
 * reservation). When a concurrent class holds the room on a new day, the exclusion constraint refuses
 * the update and the savepoint keeps the transaction usable for the next room.
 */
async function moveRoom(manager: EntityManager, reservation: Reservation, roomCode: string, to: { startDate: string; endDate: string }): Promise<boolean> {
  const update = async (): Promise<boolean> => {
    await lockRoom(manager, reservation.venueCode, roomCode);
    try {
      await manager.update(Reservation, { id: reservation.id }, { roomCode, startDate: to.startDate, endDate: to.endDate });
      return true;
    } catch (error) {
      if (!isExclusionViolation(error)) throw error;
      return false;
    }
  };
  return withSavepoint(manager, 'move_room', update, (moved) => moved);
}
