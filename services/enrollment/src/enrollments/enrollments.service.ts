import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { batchFillChangedEvent, EnrollmentView, seatConfirmedEvent, todayInWib } from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { Conflict, DomainError, NotFound, problemOfDomainError, Unprocessable, withSavepoint } from '@sinergi/platform';
import { Batch } from '../classes/batch.entity';
import { Admission } from './admission.service';
import { lockClasses } from './class-locks';
import { SubmitEnrollmentDto } from './enrollment.dto';
import { ACTIVE_STATUSES, Enrollment, WAITING_STATUSES } from './enrollment.entity';
import { enrollmentView, fillOf } from './enrollment.views';
import { enrollmentWithdrawn, seatDecision } from './seat-events';
import { SeatRelease } from './seat-release.service';

/** An HTTP answer as it is stored for an Idempotency-Key and given again. */
export interface HttpOutcome {
  status: number;
  body: object;
}

/** The status of a claimed key whose answer its transaction has not stored yet; no other transaction ever sees it. */
const CLAIMED = 0;

@Injectable()
export class EnrollmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly seats: SeatRelease,
    private readonly admission: Admission,
  ) {}

  /**
   * Submits an enrollment once per Idempotency-Key: a repeat gets the first answer (status and body),
   * errors included. The answer is stored in the transaction that enrolls, so it exists exactly when the
   * enrollment does.
   */
  submitOnce(key: string, dto: SubmitEnrollmentDto): Promise<HttpOutcome> {
    const fingerprint = createHash('sha256').update(JSON.stringify([dto.participantId, dto.programmeId, dto.batchId ?? null])).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      const prior = await claimKey(manager, key, fingerprint);
      if (prior.status !== CLAIMED) {
        if (prior.fingerprint !== fingerprint) throw new Unprocessable({ field: 'Idempotency-Key', rule: 'same-request', message: 'this key was already used for a different request' });
        return { status: prior.status, body: prior.body };
      }
      const outcome = await this.answer(manager, dto);
      await manager.query('UPDATE idempotent_requests SET status = $2, body = $3 WHERE key = $1', [key, outcome.status, outcome.body]);
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
      if (expired || todayInWib() > enrollment.confirmBy) {
        throw new Conflict({ field: 'confirmBy', rule: 'confirm-by', message: `the seat had to be confirmed by ${enrollment.confirmBy}` });
      }
      const confirmed: Enrollment = { ...enrollment, status: 'confirmed', confirmedAt: new Date() };
      await manager.update(Enrollment, { id }, { status: confirmed.status, confirmedAt: confirmed.confirmedAt });
      await manager.increment(Batch, { id: batchId }, 'confirmed', 1);
      const fill = fillOf({ ...batch, confirmed: batch.confirmed + 1 });
      await this.outbox.append(
        manager,
        seatConfirmedEvent.with(id, seatDecision(confirmed, batchId)),
        batchFillChangedEvent.with(fill.batchId, fill),
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
    if (WAITING_STATUSES.includes(found.status)) return this.withdrawWaiting(id, reason);
    if (!found.batchId) throw notWithdrawable(found.status);
    const batchId = found.batchId;
    return this.dataSource.transaction(async (manager) => {
      const [batch] = await lockClasses(manager, { id: batchId });
      const enrollment = await manager.findOneByOrFail(Enrollment, { id });
      if (enrollment.status === 'withdrawn') return enrollmentView(enrollment);
      if (!ACTIVE_STATUSES.includes(enrollment.status)) throw notWithdrawable(enrollment.status);
      return enrollmentView(await this.seats.withdraw(manager, batch, enrollment, reason, todayInWib()));
    });
  }

  /** An enrollment with no class yet (waiting for its identity check or the draw) just ends: nothing is freed. */
  private withdrawWaiting(id: string, reason: string): Promise<EnrollmentView> {
    return this.dataSource.transaction(async (manager) => {
      const enrollment = await manager.findOneOrFail(Enrollment, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (enrollment.status === 'withdrawn') return enrollmentView(enrollment);
      if (!WAITING_STATUSES.includes(enrollment.status)) throw notWithdrawable(enrollment.status);
      const withdrawn: Enrollment = { ...enrollment, status: 'withdrawn', withdrawalReason: reason, endedAt: new Date() };
      await manager.update(Enrollment, { id }, { status: withdrawn.status, withdrawalReason: reason, endedAt: withdrawn.endedAt });
      const { participantId, programmeId } = enrollment;
      await this.outbox.append(manager, enrollmentWithdrawn({ enrollmentId: id, participantId, programmeId, reason }));
      return enrollmentView(withdrawn);
    });
  }

  async get(id: string): Promise<EnrollmentView> {
    const found = await this.dataSource.getRepository(Enrollment).findOneBy({ id });
    if (!found) throw new NotFound({ field: 'id', rule: 'exists', message: `no enrollment with id ${id}` });
    return enrollmentView(found);
  }

  /** Runs the enrollment in a savepoint: a refusal (a domain error) leaves nothing behind but the stored answer, its problem. */
  private async answer(manager: EntityManager, dto: SubmitEnrollmentDto): Promise<HttpOutcome> {
    try {
      const view = enrollmentView(await withSavepoint(manager, 'enroll', () => this.admission.submit(manager, { ...dto, channel: 'self-service' })));
      return { status: 201, body: view };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = problemOfDomainError(error);
      return { status: problem.status, body: { ...problem, instance: '/enrollments' } };
    }
  }
}

/**
 * Claims the key in one statement, or gives the answer stored for it. A repeat arriving while the first request's
 * transaction runs waits on the key's unique index until it commits (then DO UPDATE sees the stored answer, which a
 * plain read in the same statement's snapshot would not) or rolls back (then the repeat claims the key).
 */
async function claimKey(manager: EntityManager, key: string, fingerprint: string): Promise<HttpOutcome & { fingerprint: string }> {
  const [stored] = await manager.query<Array<HttpOutcome & { fingerprint: string }>>(
    `INSERT INTO idempotent_requests (key, fingerprint, status, body) VALUES ($1, $2, ${CLAIMED}, '{}')
     ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key RETURNING fingerprint, status, body`,
    [key, fingerprint],
  );
  return stored;
}

function notConfirmable(status: string): Conflict {
  return new Conflict({ field: 'status', rule: 'confirmable', message: `the enrollment is ${status}; only a selected enrollment can confirm its seat` });
}

function notWithdrawable(status: string): Conflict {
  return new Conflict({ field: 'status', rule: 'withdrawable', message: `the enrollment is ${status}; only a pending-identity, registered, selected, confirmed or reserve enrollment can be withdrawn` });
}
