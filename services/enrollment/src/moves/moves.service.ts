import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { batchFillChangedEvent, EnrollmentView, NewEvent, ReleaseCause, todayInWib } from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { Conflict, InvalidInput, NotFound } from '@sinergi/platform';
import { Batch } from '../classes/batch.entity';
import { EnrollmentConfig } from '../enrollment.config';
import { ACTIVE_STATUSES, Enrollment, WAITING_STATUSES } from '../enrollments/enrollment.entity';
import { enrollmentView, fillOf } from '../enrollments/enrollment.views';
import { promotionConfirmBy } from '../enrollments/promotion.rules';
import { SeatRelease } from '../enrollments/seat-release.service';
import { placeIn } from '../enrollments/seating.rules';
import { participantMoved, participantReleased, who } from './class-change-events';
import { ClassChangeOffer, HeldStatus } from './class-change-offer.entity';

/**
 * A participant's answer to a class-change offer: move to one of the offered classes, or leave (released). Lock order
 * as everywhere: class rows (in id order), then the enrollment, then its offer. Answering again the same way changes nothing.
 */
@Injectable()
export class MovesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly seats: SeatRelease,
    private readonly config: EnrollmentConfig,
  ) {}

  /** Takes a seat (or else a reserve place) in the chosen class, under its row lock: never more than its seats. */
  async move(id: string, toBatchId: string): Promise<EnrollmentView> {
    const offer = await this.latestOffer(id);
    return this.dataSource.transaction(async (manager) => {
      const classes = await manager.find(Batch, {
        where: { id: In([offer.fromBatchId, toBatchId]) },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const enrollment = await lockEnrollment(manager, id);
      const current = await manager.findOneOrFail(ClassChangeOffer, { where: { id: offer.id }, lock: { mode: 'pessimistic_write' } });
      if (current.state === 'moved' && current.toBatchId === toBatchId) return enrollmentView(enrollment);
      assertOpen(current);
      if (!current.options.some((option) => option.batchId === toBatchId)) {
        throw new InvalidInput({ field: 'batchId', rule: 'offered-class', message: `must be one of the offered classes (${current.options.map((option) => option.batchId).join(', ')})` });
      }
      const today = todayInWib();
      assertInTime(current, today);
      const held = heldNow(enrollment, current);
      const from = classes.find((klass) => klass.id === current.fromBatchId) as Batch;
      const target = classes.find((klass) => klass.id === toBatchId);
      if (!target || target.status !== 'confirmed' || target.startDate <= today) {
        throw new Conflict({ field: 'batchId', rule: 'class-open', message: `class ${toBatchId} is no longer open to join (it was cancelled or has started)` });
      }
      await this.assertNoOtherEnrollment(manager, enrollment);

      const placement = placeIn([target]);
      if (placement.kind === 'none') throw new Conflict({ field: 'batchId', rule: 'class-has-room', message: `${placement.reason}; choose another offered class` });
      const status = placement.kind === 'reserve' ? 'reserved' : held === 'confirmed' ? 'confirmed' : 'selected';
      const confirmBy =
        status === 'selected' ? promotionConfirmBy(target.confirmBy, today, this.config.PROMOTION_CONFIRM_DAYS) : enrollment.confirmBy;
      const reserveRank = placement.kind === 'reserve' ? placement.rank : null;
      await manager.update(Enrollment, { id }, { batchId: target.id, status, reserveRank, confirmBy });
      const filled: Batch =
        placement.kind === 'reserve'
          ? { ...target, reserved: target.reserved + 1 }
          : { ...target, selected: target.selected + 1, confirmed: target.confirmed + (status === 'confirmed' ? 1 : 0) };
      await manager.update(Batch, { id: target.id }, { selected: filled.selected, confirmed: filled.confirmed, reserved: filled.reserved });
      await manager.update(ClassChangeOffer, { id: current.id }, { state: 'moved', toBatchId: target.id, answeredAt: new Date() });
      const fill = fillOf(filled);
      await this.outbox.append(
        manager,
        participantMoved({
          ...who(enrollment),
          fromBatchId: from.id,
          toBatchId: target.id,
          status,
          ...(status === 'selected' ? { confirmBy: confirmBy as string } : {}),
        }),
        batchFillChangedEvent.with(fill.batchId, fill),
      );
      // A rescheduled class still counted the participant: the seat it frees goes to its first reserve.
      if (current.reason === 'rescheduled') await this.seats.vacated(manager, from, held, today);
      return enrollmentView(await manager.findOneByOrFail(Enrollment, { id }));
    });
  }

  /** Leaves the changed class without moving: released (ParticipantReleased, cause declined). */
  async release(id: string): Promise<EnrollmentView> {
    const offer = await this.latestOffer(id);
    return this.dataSource.transaction(async (manager) => {
      const [from] = await manager.find(Batch, { where: { id: offer.fromBatchId }, lock: { mode: 'pessimistic_write' } });
      const enrollment = await lockEnrollment(manager, id);
      const current = await manager.findOneOrFail(ClassChangeOffer, { where: { id: offer.id }, lock: { mode: 'pessimistic_write' } });
      if (current.state === 'released') return enrollmentView(enrollment);
      assertOpen(current);
      const held = heldNow(enrollment, current);
      const released = await this.releaseWith(manager, enrollment, current, 'declined');
      if (current.reason === 'rescheduled') await this.seats.vacated(manager, from, held, todayInWib());
      return enrollmentView(released);
    });
  }

  /**
   * Releases an enrollment whose class changed (the caller holds its row and the offer's): no seat is freed here, the
   * caller frees one a rescheduled class still counted.
   */
  async releaseWith(manager: EntityManager, enrollment: Enrollment, offer: ClassChangeOffer, cause: ReleaseCause): Promise<Enrollment> {
    const released: Enrollment = { ...enrollment, status: 'released', reserveRank: null, endedAt: new Date() };
    await manager.update(Enrollment, { id: enrollment.id }, { status: released.status, reserveRank: null, endedAt: released.endedAt });
    await manager.update(ClassChangeOffer, { id: offer.id }, { state: 'released', answeredAt: new Date() });
    const event: NewEvent = participantReleased({ ...who(enrollment), batchId: offer.fromBatchId, reason: offer.reason, cause });
    await this.outbox.append(manager, event);
    return released;
  }

  private async latestOffer(enrollmentId: string): Promise<ClassChangeOffer> {
    const enrollment = await this.dataSource.getRepository(Enrollment).findOneBy({ id: enrollmentId });
    if (!enrollment) throw new NotFound({ field: 'id', rule: 'exists', message: `no enrollment with id ${enrollmentId}` });
    const [offer] = await this.dataSource.getRepository(ClassChangeOffer).find({
      where: { enrollmentId, state: Not('superseded') },
      order: { offeredAt: 'DESC' },
      take: 1,
    });
    if (!offer) throw new Conflict({ field: 'status', rule: 'offered', message: `the enrollment is ${enrollment.status} and was never offered a class change` });
    return offer;
  }

  /** A participant released from a class may have enrolled again meanwhile: one active enrollment per programme. */
  private async assertNoOtherEnrollment(manager: EntityManager, enrollment: Enrollment): Promise<void> {
    const other = await manager.findOneBy(Enrollment, {
      participantId: enrollment.participantId,
      programmeId: enrollment.programmeId,
      status: In([...ACTIVE_STATUSES, ...WAITING_STATUSES]),
      id: Not(enrollment.id),
    });
    if (other)
      throw new Conflict({ field: 'participantId', rule: 'one-active-enrollment', message: `the participant already has another active enrollment in this programme (${other.id})` });
  }
}

function lockEnrollment(manager: EntityManager, id: string): Promise<Enrollment> {
  return manager.findOneOrFail(Enrollment, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

function assertOpen(offer: ClassChangeOffer): void {
  if (offer.state !== 'open') throw new Conflict({ field: 'status', rule: 'offer-open', message: `the class-change offer was already answered (${offer.state})` });
}

function assertInTime(offer: ClassChangeOffer, today: string): void {
  if (today > offer.respondBy) throw new Conflict({ field: 'respondBy', rule: 'respond-by', message: `the offer had to be answered by ${offer.respondBy}` });
}

/** What the participant holds now: in a cancelled class what they held before it; in a rescheduled one their current place. */
function heldNow(enrollment: Enrollment, offer: ClassChangeOffer): HeldStatus {
  if (offer.reason === 'cancelled') return offer.heldStatus;
  if (!ACTIVE_STATUSES.includes(enrollment.status)) {
    throw new Conflict({ field: 'status', rule: 'holds-place', message: `the enrollment is ${enrollment.status}; it no longer holds a place in the rescheduled class` });
  }
  return enrollment.status as HeldStatus;
}
