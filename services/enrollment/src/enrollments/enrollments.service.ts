import { ConflictException, HttpException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  batchFillChangedEvent,
  EnrollmentProblem,
  enrollmentRejectedEvent,
  enrollmentSubmittedEvent,
  participantNotSelectedEvent,
  participantReservedEvent,
  participantSelectedEvent,
  SeatDecision,
  seatConfirmedEvent,
} from '@sinergi/contracts';
import { NewEvent, Outbox } from '@sinergi/messaging';
import { todayInJakarta } from '../calendar';
import { Batch } from '../classes/batch.entity';
import { Programme } from '../classes/programme.entity';
import { EnrollmentConfig } from '../enrollment.config';
import { Participant } from '../participants/participant.entity';
import { eligibilityProblems } from './eligibility.rules';
import { SubmitEnrollmentDto } from './enrollment.dto';
import { ACTIVE_STATUSES, Enrollment } from './enrollment.entity';
import { enrollmentView, EnrollmentView, fillOf } from './enrollment.views';
import { IdempotentRequest } from './idempotent-request.entity';
import { SeatRelease } from './seat-release';
import { placeIn } from './seating.rules';

/** An HTTP answer as it is stored for an Idempotency-Key and given again. */
export interface HttpOutcome {
  status: number;
  body: object;
}

@Injectable()
export class EnrollmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly config: EnrollmentConfig,
    private readonly seats: SeatRelease,
  ) {}

  /**
   * Submits an enrollment once per Idempotency-Key: a repeat gets the first answer (status and body),
   * errors included. The answer is stored in the transaction that enrolls, so it exists exactly when the
   * enrollment does.
   */
  submitOnce(key: string, dto: SubmitEnrollmentDto): Promise<HttpOutcome> {
    const fingerprint = createHash('sha256').update(JSON.stringify([dto.participantId, dto.programmeId, dto.batchId ?? null])).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtextextended('enrollment:idempotency-key:' || $1, 0))", [key]);
      const prior = await manager.findOneBy(IdempotentRequest, { key });
      if (prior) {
        if (prior.fingerprint !== fingerprint) throw new UnprocessableEntityException('Idempotency-Key: this key was already used for a different request');
        return { status: prior.status, body: prior.body };
      }
      const outcome = await this.answer(manager, dto);
      await manager.insert(IdempotentRequest, { key, fingerprint, ...outcome, createdAt: new Date() });
      return outcome;
    });
  }

  /** Selected -> confirmed, up to and including the class's confirm-by day (WIB). Confirming again changes nothing. */
  async confirm(id: string): Promise<EnrollmentView> {
    const found = await this.get(id);
    if (!found.batchId) throw notConfirmable(found.status);
    const batchId = found.batchId;
    return this.dataSource.transaction(async (manager) => {
      // Lock order everywhere: participant, then class, then enrollment.
      const [batch] = await lockClasses(manager, { id: batchId });
      const enrollment = await manager.findOneByOrFail(Enrollment, { id });
      if (enrollment.status === 'confirmed') return enrollmentView(enrollment);
      const expired = enrollment.status === 'expired';
      if ((enrollment.status !== 'selected' && !expired) || !enrollment.confirmBy) throw notConfirmable(enrollment.status);
      if (expired || todayInJakarta() > enrollment.confirmBy) {
        throw new ConflictException(`confirmBy: the seat had to be confirmed by ${enrollment.confirmBy}`);
      }
      const confirmed: Enrollment = { ...enrollment, status: 'confirmed', confirmedAt: new Date() };
      await manager.update(Enrollment, { id }, { status: confirmed.status, confirmedAt: confirmed.confirmedAt });
      await manager.increment(Batch, { id: batchId }, 'confirmed', 1);
      const fill = fillOf({ ...batch, confirmed: batch.confirmed + 1 });
      await this.outbox.append(
        manager,
        { type: seatConfirmedEvent.type, subject: id, data: seatDecision(confirmed, batchId) },
        { type: batchFillChangedEvent.type, subject: fill.batchId, data: fill },
      );
      return enrollmentView(confirmed);
    });
  }

  /**
   * Selected, confirmed or reserve -> withdrawn: EnrollmentWithdrawn; a freed seat goes to the first reserve (ReservePromoted)
   * and the reserve list closes up. Withdrawing again changes nothing.
   */
  async withdraw(id: string, reason: string): Promise<EnrollmentView> {
    const found = await this.get(id);
    if (!found.batchId) throw notWithdrawable(found.status);
    const batchId = found.batchId;
    return this.dataSource.transaction(async (manager) => {
      const [batch] = await lockClasses(manager, { id: batchId });
      const enrollment = await manager.findOneByOrFail(Enrollment, { id });
      if (enrollment.status === 'withdrawn') return enrollmentView(enrollment);
      if (!ACTIVE_STATUSES.includes(enrollment.status)) throw notWithdrawable(enrollment.status);
      return enrollmentView(await this.seats.withdraw(manager, batch, enrollment, reason, todayInJakarta()));
    });
  }

  async get(id: string): Promise<EnrollmentView> {
    const found = await this.dataSource.getRepository(Enrollment).findOneBy({ id });
    if (!found) throw new NotFoundException(`no enrollment with id ${id}`);
    return enrollmentView(found);
  }

  /** Runs the enrollment in a savepoint: an HTTP error leaves nothing behind but the stored answer. */
  private async answer(manager: EntityManager, dto: SubmitEnrollmentDto): Promise<HttpOutcome> {
    await manager.query('SAVEPOINT enroll');
    try {
      const view = await this.submit(manager, dto);
      await manager.query('RELEASE SAVEPOINT enroll');
      return { status: 201, body: view };
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT enroll');
      const body = error.getResponse();
      return { status: error.getStatus(), body: typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body };
    }
  }

  private async submit(manager: EntityManager, dto: SubmitEnrollmentDto): Promise<EnrollmentView> {
    const participant = await manager.findOne(Participant, { where: { id: dto.participantId }, lock: { mode: 'pessimistic_write' } });
    if (!participant) throw new NotFoundException(`participantId: no participant with id ${dto.participantId}`);
    const programme = await manager.findOneBy(Programme, { id: dto.programmeId });
    if (!programme) throw new NotFoundException(`programmeId: no launched programme with id ${dto.programmeId}`);
    const active = await manager.findOneBy(Enrollment, { participantId: participant.id, programmeId: programme.id, status: In([...ACTIVE_STATUSES]) });
    if (active) {
      throw new ConflictException(
        `participantId: the participant already has an active enrollment in this programme (${active.id}, ${active.status}); one active enrollment per programme`,
      );
    }
    const namedClass = dto.batchId ? await manager.findOneBy(Batch, { id: dto.batchId, programmeId: programme.id }) : undefined;
    if (namedClass === null) throw new NotFoundException(`batchId: no confirmed class ${dto.batchId} in this programme`);

    const enrollment: Enrollment = {
      id: randomUUID(),
      participantId: participant.id,
      programmeId: programme.id,
      requestedBatchId: dto.batchId ?? null,
      batchId: null,
      status: 'rejected',
      reasons: [],
      reserveRank: null,
      notSelectedReason: null,
      confirmBy: null,
      submittedAt: new Date(),
      confirmedAt: null,
      withdrawalReason: null,
      endedAt: null,
    };
    const submitted: NewEvent = {
      type: enrollmentSubmittedEvent.type,
      subject: enrollment.id,
      data: {
        enrollmentId: enrollment.id,
        programmeId: programme.id,
        participantId: participant.id,
        maskedNik: participant.maskedNik,
        channel: 'self-service',
        provinceCode: participant.provinceCode,
      },
    };
    const problems = eligibilityProblems({
      participant,
      prioritySegments: programme.prioritySegments,
      startDate: namedClass?.startDate ?? programme.periodStart,
      classesInProvince: await manager.countBy(Batch, { programmeId: programme.id, provinceCode: participant.provinceCode }),
      namedClass,
      minAge: this.config.ELIGIBLE_MIN_AGE,
      maxAge: this.config.ELIGIBLE_MAX_AGE,
    });
    if (problems.length > 0) return this.reject(manager, { ...enrollment, reasons: problems }, submitted, problems);
    const candidates = namedClass ? { id: namedClass.id } : { programmeId: programme.id, provinceCode: participant.provinceCode };
    return this.place(manager, enrollment, submitted, await lockClasses(manager, candidates));
  }

  private async reject(manager: EntityManager, enrollment: Enrollment, submitted: NewEvent, reasons: EnrollmentProblem[]): Promise<EnrollmentView> {
    await manager.insert(Enrollment, enrollment);
    await this.outbox.append(manager, submitted, {
      type: enrollmentRejectedEvent.type,
      subject: enrollment.id,
      data: { enrollmentId: enrollment.id, programmeId: enrollment.programmeId, participantId: enrollment.participantId, reasons },
    });
    return enrollmentView(enrollment);
  }

  /** Takes a seat, a reserve place or neither in the candidate classes, which the caller has locked. */
  private async place(manager: EntityManager, enrollment: Enrollment, submitted: NewEvent, classes: Batch[]): Promise<EnrollmentView> {
    const placement = placeIn(classes);
    if (placement.kind === 'none') {
      const notSelected: Enrollment = { ...enrollment, status: 'not-selected', notSelectedReason: placement.reason };
      await manager.insert(Enrollment, notSelected);
      await this.outbox.append(manager, submitted, {
        type: participantNotSelectedEvent.type,
        subject: enrollment.id,
        data: { enrollmentId: enrollment.id, participantId: enrollment.participantId, programmeId: enrollment.programmeId, reason: placement.reason },
      });
      return enrollmentView(notSelected);
    }

    const batch = placement.klass;
    const placed: Enrollment =
      placement.kind === 'seat'
        ? { ...enrollment, batchId: batch.id, status: 'selected', confirmBy: batch.confirmBy }
        : { ...enrollment, batchId: batch.id, status: 'reserved', reserveRank: placement.rank };
    const counter = placement.kind === 'seat' ? 'selected' : 'reserved';
    await manager.increment(Batch, { id: batch.id }, counter, 1);
    await manager.insert(Enrollment, placed);
    const decision: NewEvent =
      placement.kind === 'seat'
        ? { type: participantSelectedEvent.type, subject: placed.id, data: { ...seatDecision(placed, batch.id), confirmBy: batch.confirmBy } }
        : { type: participantReservedEvent.type, subject: placed.id, data: { ...seatDecision(placed, batch.id), rank: placement.rank } };
    const fill = fillOf({ ...batch, [counter]: batch[counter] + 1 });
    await this.outbox.append(manager, submitted, decision, { type: batchFillChangedEvent.type, subject: batch.id, data: fill });
    return enrollmentView(placed);
  }
}

/** Locks classes in id order, so that concurrent requests cannot deadlock, and reads their fill as committed. */
function lockClasses(manager: EntityManager, where: Partial<Pick<Batch, 'id' | 'programmeId' | 'provinceCode'>>): Promise<Batch[]> {
  return manager.find(Batch, { where, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
}

function seatDecision(enrollment: Enrollment, batchId: string): SeatDecision {
  return { enrollmentId: enrollment.id, participantId: enrollment.participantId, programmeId: enrollment.programmeId, batchId };
}

function notConfirmable(status: string): ConflictException {
  return new ConflictException(`status: the enrollment is ${status}; only a selected enrollment can confirm its seat`);
}

function notWithdrawable(status: string): ConflictException {
  return new ConflictException(`status: the enrollment is ${status}; only a selected, confirmed or reserve enrollment can be withdrawn`);
}
