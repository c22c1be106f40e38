import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { addDays, BatchCancelled, batchFillChangedEvent, BatchRescheduled, ClassChangeReason, ClassOption, daysBetween, NewEvent, todayInWib } from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { Batch } from '../classes/batch.entity';
import { EnrollmentConfig } from '../enrollment.config';
import { lockClasses } from '../enrollments/class-locks';
import { ACTIVE_STATUSES, Enrollment } from '../enrollments/enrollment.entity';
import { classDatesOf } from '../attendance/attendance.rules';
import { fillOf } from '../enrollments/enrollment.views';
import { Participant } from '../participants/participant.entity';
import { classChangeOffered, participantReleased, who } from './class-change-events';
import { ClassChangeOffer, HeldStatus } from './class-change-offer.entity';
import { moveOptions } from './move-options';

/**
 * What a cancelled or rescheduled class does to its participants. Runs in the inbox transaction under the class row
 * lock; a repeated event (a new message id for the same change) finds the class already changed and does nothing.
 */
@Injectable()
export class ClassChanges {
  constructor(
    private readonly outbox: Outbox,
    private readonly config: EnrollmentConfig,
  ) {}

  /**
   * Every seated or reserve participant loses the place; each is offered the open classes of the programme in their
   * province (awaiting-move), or released at once when there is none. The class's counters drop to zero.
   */
  async cancel(manager: EntityManager, cancelled: BatchCancelled): Promise<void> {
    const [batch] = await lockClasses(manager, { id: cancelled.batchId });
    if (!batch || batch.status === 'cancelled') return;
    const emptied: Batch = { ...batch, status: 'cancelled', selected: 0, confirmed: 0, reserved: 0 };
    await manager.update(Batch, { id: batch.id }, { status: 'cancelled', selected: 0, confirmed: 0, reserved: 0 });
    const today = todayInWib();
    const events: NewEvent[] = [];
    for (const enrollment of await this.seatedIn(manager, batch.id)) {
      const options = await moveOptions(manager, batch, await this.provinceOf(manager, enrollment), today);
      if (options.length === 0) {
        await manager.update(Enrollment, { id: enrollment.id }, { status: 'released', reserveRank: null, endedAt: new Date() });
        events.push(participantReleased({ ...who(enrollment), batchId: batch.id, reason: 'cancelled', cause: 'no-option' }));
        continue;
      }
      await manager.update(Enrollment, { id: enrollment.id }, { status: 'awaiting-move', reserveRank: null });
      events.push(await this.offer(manager, enrollment, batch, 'cancelled', options, today));
    }
    const fill = fillOf(emptied);
    await this.outbox.append(manager, ...events, batchFillChangedEvent.with(fill.batchId, fill));
  }

  /**
   * The class keeps its participants on the new dates; the confirm-by day moves with the start (a selected seat's
   * confirm-by day only ever moves later). Each participant is offered the other open classes, and stays if they do not answer.
   */
  async reschedule(manager: EntityManager, rescheduled: BatchRescheduled): Promise<void> {
    const [batch] = await lockClasses(manager, { id: rescheduled.batchId });
    if (!batch || batch.status !== 'confirmed') return;
    if (batch.startDate === rescheduled.startDate && batch.endDate === rescheduled.endDate) return;
    const confirmBy = addDays(batch.confirmBy, daysBetween(batch.startDate, rescheduled.startDate));
    const moved: Batch = { ...batch, startDate: rescheduled.startDate, endDate: rescheduled.endDate, classDates: classDatesOf(rescheduled), confirmBy };
    await manager.update(Batch, { id: batch.id }, { startDate: moved.startDate, endDate: moved.endDate, classDates: moved.classDates, confirmBy });
    await manager.query("UPDATE enrollments SET confirm_by = $2 WHERE batch_id = $1 AND status = 'selected' AND confirm_by < $2", [
      batch.id,
      confirmBy,
    ]);
    const today = todayInWib();
    const events: NewEvent[] = [];
    for (const enrollment of await this.seatedIn(manager, batch.id)) {
      const options = await moveOptions(manager, moved, await this.provinceOf(manager, enrollment), today);
      if (options.length > 0) events.push(await this.offer(manager, enrollment, moved, 'rescheduled', options, today));
    }
    await this.outbox.append(manager, ...events);
  }

  /** Records the offer (replacing an open one) and returns its ClassChangeOffered. */
  private async offer(
    manager: EntityManager,
    enrollment: Enrollment,
    from: Batch,
    reason: ClassChangeReason,
    options: ClassOption[],
    today: string,
  ): Promise<NewEvent> {
    await manager.update(ClassChangeOffer, { enrollmentId: enrollment.id, state: 'open' }, { state: 'superseded', answeredAt: new Date() });
    const respondBy = addDays(today, this.config.MOVE_RESPOND_DAYS);
    await manager.insert(ClassChangeOffer, {
      id: randomUUID(),
      enrollmentId: enrollment.id,
      fromBatchId: from.id,
      reason,
      heldStatus: enrollment.status as HeldStatus,
      options,
      respondBy,
      state: 'open',
      toBatchId: null,
      offeredAt: new Date(),
      answeredAt: null,
    });
    return classChangeOffered({ ...who(enrollment), fromBatchId: from.id, reason, options, respondBy });
  }

  private seatedIn(manager: EntityManager, batchId: string): Promise<Enrollment[]> {
    return manager.find(Enrollment, {
      where: { batchId, status: In([...ACTIVE_STATUSES]) },
      order: { submittedAt: 'ASC', id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private async provinceOf(manager: EntityManager, enrollment: Enrollment): Promise<string> {
    const participant = await manager.findOneByOrFail(Participant, { id: enrollment.participantId });
    return participant.provinceCode;
  }
}
