import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { batchFillChangedEvent, EnrollmentStatus, NewEvent, participantReservedEvent, SeatDecision } from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { Batch } from '../classes/batch.entity';
import { EnrollmentConfig } from '../enrollment.config';
import { Enrollment } from './enrollment.entity';
import { fillOf } from './enrollment.views';
import { promotionConfirmBy, reshuffleReserves } from './promotion.rules';
import { enrollmentWithdrawn, reservePromoted, seatExpired } from './seat-events';

type Fill = Pick<Batch, 'selected' | 'confirmed' | 'reserved'>;

/**
 * Frees seats and reserve places (expiry, withdrawal) and promotes reserves into freed seats. Every method runs in the
 * caller's transaction, which holds the class row lock: the class is the lock that orders every change to its seats.
 */
@Injectable()
export class SeatRelease {
  constructor(
    private readonly outbox: Outbox,
    private readonly config: EnrollmentConfig,
  ) {}

  /** Expires selected seats of one class (in the order given), promoting a reserve into each; one BatchFillChanged after. */
  async expire(manager: EntityManager, batch: Batch, expiring: readonly Enrollment[], today: string): Promise<void> {
    let state: Batch = { ...batch };
    const events: NewEvent[] = [];
    for (const enrollment of expiring) {
      await manager.update(Enrollment, { id: enrollment.id }, { status: 'expired', endedAt: new Date() });
      events.push(seatExpired(decision(enrollment, batch.id)));
      state = await this.reseat(manager, { ...state, selected: state.selected - 1 }, true, today, events);
    }
    await this.save(manager, state, events);
  }

  /** Withdraws a selected, confirmed or reserve enrollment of this class; a freed seat goes to the first reserve. */
  async withdraw(manager: EntityManager, batch: Batch, enrollment: Enrollment, reason: string, today: string): Promise<Enrollment> {
    const withdrawn: Enrollment = { ...enrollment, status: 'withdrawn', withdrawalReason: reason, reserveRank: null, endedAt: new Date() };
    // The row leaves the reserve list (and its unique rank) before the others close up.
    await manager.update(
      Enrollment,
      { id: enrollment.id },
      { status: withdrawn.status, withdrawalReason: reason, reserveRank: null, endedAt: withdrawn.endedAt },
    );
    const events: NewEvent[] = [enrollmentWithdrawn({ ...decision(enrollment, batch.id), reason })];
    await this.vacated(manager, batch, enrollment.status, today, events);
    return withdrawn;
  }

  /**
   * An enrollment that held `held` (selected, confirmed or reserved) in this class has left it without withdrawing (it
   * moved to another class or was released); the caller has already updated its row. A freed seat goes to the first reserve.
   */
  async vacated(manager: EntityManager, batch: Batch, held: EnrollmentStatus, today: string, events: NewEvent[] = []): Promise<void> {
    const heldSeat = held !== 'reserved';
    const left: Batch = heldSeat
      ? { ...batch, selected: batch.selected - 1, confirmed: batch.confirmed - (held === 'confirmed' ? 1 : 0) }
      : { ...batch, reserved: batch.reserved - 1 };
    await this.save(manager, await this.reseat(manager, left, heldSeat, today, events), events);
  }

  /** Promotes the first reserve into a freed seat, if any, and closes up the reserve ranks (ParticipantReserved with each new rank). */
  private async reseat(manager: EntityManager, batch: Batch, seatFreed: boolean, today: string, events: NewEvent[]): Promise<Batch> {
    const reserves = await manager.find(Enrollment, { where: { batchId: batch.id, status: 'reserved' }, order: { reserveRank: 'ASC' } });
    const change = reshuffleReserves(
      reserves.map((reserve) => ({ id: reserve.id, rank: reserve.reserveRank as number })),
      { seatFreed },
    );
    const byId = new Map(reserves.map((reserve) => [reserve.id, reserve]));
    let state = batch;
    if (change.promoted) {
      const promoted = byId.get(change.promoted.id) as Enrollment;
      const confirmBy = promotionConfirmBy(batch.confirmBy, today, this.config.PROMOTION_CONFIRM_DAYS);
      await manager.update(Enrollment, { id: promoted.id }, { status: 'selected', reserveRank: null, confirmBy });
      events.push(reservePromoted({ ...decision(promoted, batch.id), confirmBy }));
      state = { ...state, selected: state.selected + 1, reserved: state.reserved - 1 };
    }
    // Ascending, one row at a time: each new rank was freed by the row before (the rank index is unique, not deferrable).
    for (const { id, to } of change.renumbered) {
      await manager.update(Enrollment, { id }, { reserveRank: to });
      events.push(participantReservedEvent.with(id, { ...decision(byId.get(id) as Enrollment, batch.id), rank: to }));
    }
    return state;
  }

  private async save(manager: EntityManager, state: Batch, events: NewEvent[]): Promise<void> {
    const counters: Fill = { selected: state.selected, confirmed: state.confirmed, reserved: state.reserved };
    await manager.update(Batch, { id: state.id }, counters);
    const fill = fillOf(state);
    await this.outbox.append(manager, ...events, batchFillChangedEvent.with(fill.batchId, fill));
  }
}

function decision(enrollment: Enrollment, batchId: string): SeatDecision {
  return { enrollmentId: enrollment.id, participantId: enrollment.participantId, programmeId: enrollment.programmeId, batchId };
}
