import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  batchFillChangedEvent,
  enrollmentAcceptedEvent,
  EnrollmentChannel,
  EnrollmentProblem,
  enrollmentRejectedEvent,
  enrollmentSubmittedEvent,
  NewEvent,
  participantNotSelectedEvent,
  participantReservedEvent,
  participantSelectedEvent,
} from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { Conflict, NotFound } from '@sinergi/platform';
import { Batch } from '../classes/batch.entity';
import { Programme } from '../classes/programme.entity';
import { EnrollmentConfig } from '../enrollment.config';
import { Participant } from '../participants/participant.entity';
import { entityColumns, insertEntities, selectEntities, upsertStatement } from '../sql-columns';
import { eligibilityProblems } from './eligibility.rules';
import { ACTIVE_STATUSES, Enrollment, WAITING_STATUSES } from './enrollment.entity';
import { fillOf } from './enrollment.views';
import { Candidates, takePlace } from './seat-allocation';
import { seatDecision } from './seat-events';

export interface AdmissionRequest {
  participantId: string;
  programmeId: string;
  batchId?: string;
  channel: EnrollmentChannel;
  /** A nominating institution's score, for ranked selection. */
  score?: number;
}

/** The reason of an enrollment whose participant the civil registry did not match. */
export const IDENTITY_NOT_MATCHED: EnrollmentProblem = {
  field: 'nik',
  rule: 'the civil registry (Dukcapil) did not match this NIK with the name, birth date and gender given',
};

/**
 * How an enrollment request becomes a decision, whichever way it came (HTTP, nomination) and whenever the identity
 * check answers: submitted -> pending-identity (while Dukcapil has not answered) -> rejected (no match, ineligible) or
 * accepted -> a seat, reserve place or none first come first served, or the pool (registered) of a lottery or ranked
 * programme. Lock order: participant row, programme row (shared), class rows, enrollment rows.
 */
@Injectable()
export class Admission {
  constructor(
    private readonly outbox: Outbox,
    private readonly config: EnrollmentConfig,
  ) {}

  /** Throws 404 for an unknown participant, programme or class, 409 for a second active enrollment or a closed pool. */
  async submit(manager: EntityManager, request: AdmissionRequest): Promise<Enrollment> {
    const [participant] = await selectEntities(manager, Participant, 'id = $1 FOR UPDATE', [request.participantId]);
    if (!participant) throw new NotFound({ field: 'participantId', rule: 'exists', message: `no participant with id ${request.participantId}` });
    const locked = await lockProgrammeWithClassesIn(manager, request.programmeId, participant.provinceCode);
    if (!locked) throw new NotFound({ field: 'programmeId', rule: 'exists', message: `no launched programme with id ${request.programmeId}` });
    const { programme } = locked;
    const [open] = await manager.query<Array<Pick<Enrollment, 'id' | 'status'>>>(
      'SELECT id, status FROM enrollments WHERE participant_id = $1 AND programme_id = $2 AND status = ANY($3) LIMIT 1',
      [participant.id, programme.id, [...WAITING_STATUSES, ...ACTIVE_STATUSES]],
    );
    if (open) {
      throw new Conflict({ field: 'participantId', rule: 'one-active-enrollment', message: `the participant already has an active enrollment in this programme (${open.id}, ${open.status}); one active enrollment per programme` });
    }
    const [namedClass] = request.batchId ? await selectEntities(manager, Batch, "id = $1 AND programme_id = $2 AND status = 'confirmed'", [request.batchId, programme.id]) : [];
    if (request.batchId && !namedClass) throw new NotFound({ field: 'batchId', rule: 'exists', message: `no confirmed class ${request.batchId} in this programme` });
    const drawnAt = await drawTime(manager, programme);
    if (drawnAt) throw new Conflict({ field: 'programmeId', rule: 'registration-open', message: `registration is closed; the selection was drawn at ${drawnAt.toISOString()}` });

    const enrollment = newEnrollment(participant.id, programme.id, request);
    const events: NewEvent[] = [submittedEvent(enrollment, participant)];
    let decided = enrollment;
    if (participant.identityStatus === 'no-match') decided = rejected(enrollment, [IDENTITY_NOT_MATCHED], events);
    else if (participant.identityStatus !== 'pending') decided = await this.decide(manager, enrollment, participant, locked, namedClass, events);
    await this.save(manager, [decided], events);
    return decided;
  }

  /**
   * What submit does, for many requests of one programme at once and in a few statements, for those it can take so:
   * the participant's identity check has not answered, no active enrollment, the named class (if any) confirmed in
   * the programme, registration open. Those are saved as pending-identity and returned by participant id; the rest
   * (nothing written for them) are for submit, one by one, which decides or refuses each with its own rule.
   */
  async submitAllAwaitingIdentity(manager: EntityManager, programmeId: string, requests: Array<Omit<AdmissionRequest, 'programmeId'>>): Promise<Map<string, Enrollment>> {
    const taken = new Map<string, Enrollment>();
    if (requests.length === 0) return taken;
    const participantIds = requests.map((request) => request.participantId);
    const participants = await selectEntities(manager, Participant, "id = ANY($1::uuid[]) AND identity_status = 'pending' ORDER BY id FOR UPDATE", [participantIds]);
    const programme = await lockProgramme(manager, programmeId);
    if (!programme || (await drawTime(manager, programme))) return taken;
    const waiting = new Map(participants.map((participant) => [participant.id, participant]));
    const enrolled = await manager.query<Array<{ participant_id: string }>>(
      'SELECT participant_id FROM enrollments WHERE participant_id = ANY($1::uuid[]) AND programme_id = $2 AND status = ANY($3)',
      [[...waiting.keys()], programme.id, [...WAITING_STATUSES, ...ACTIVE_STATUSES]],
    );
    for (const row of enrolled) waiting.delete(row.participant_id);
    const confirmed = await confirmedClassIds(
      manager,
      programme.id,
      requests.flatMap((request) => (request.batchId ? [request.batchId] : [])),
    );
    const events: NewEvent[] = [];
    for (const request of requests) {
      const participant = waiting.get(request.participantId);
      if (!participant || (request.batchId && !confirmed.has(request.batchId))) continue;
      waiting.delete(request.participantId); // a participant twice in the requests: the second is submit's to refuse
      const enrollment = newEnrollment(participant.id, programme.id, request);
      events.push(submittedEvent(enrollment, participant));
      taken.set(participant.id, enrollment);
    }
    await insertEntities(manager, Enrollment, [...taken.values()]);
    if (events.length > 0) await this.outbox.append(manager, ...events);
    return taken;
  }

  /**
   * The participant's identity check answered: each of their enrollments waiting for it goes on (or is rejected).
   * The caller holds the participant row lock and has recorded the answer on it.
   */
  async resumeAfterIdentity(manager: EntityManager, participant: Participant): Promise<void> {
    const waiting = await selectEntities(manager, Enrollment, "participant_id = $1 AND status = 'pending-identity' ORDER BY submitted_at, id", [participant.id]);
    const events: NewEvent[] = [];
    const decided: Enrollment[] = [];
    for (const enrollment of waiting) {
      if (participant.identityStatus === 'no-match') {
        decided.push(rejected(enrollment, [IDENTITY_NOT_MATCHED], events));
        continue;
      }
      const locked = await lockProgrammeWithClassesIn(manager, enrollment.programmeId, participant.provinceCode);
      if (!locked) throw new Error(`programme ${enrollment.programmeId} of enrollment ${enrollment.id} is gone`);
      const [namedClass] = enrollment.requestedBatchId ? await selectEntities(manager, Batch, 'id = $1', [enrollment.requestedBatchId]) : [];
      if (enrollment.requestedBatchId && !namedClass) throw new Error(`class ${enrollment.requestedBatchId} of enrollment ${enrollment.id} is gone`);
      decided.push(await this.decide(manager, enrollment, participant, locked, namedClass, events));
    }
    await this.save(manager, decided, events);
  }

  /**
   * The decided enrollments (new ones inserted, waiting ones overwritten) and their events in one statement: the
   * steps below decide, and leave the writing of the enrollment rows to this.
   */
  private async save(manager: EntityManager, enrollments: Enrollment[], events: NewEvent[]): Promise<void> {
    if (enrollments.length === 0) return;
    const [sql, parameters] = upsertStatement(manager, Enrollment, enrollments, 'RETURNING id');
    await this.outbox.appendIfChanged(manager, { sql, parameters }, ...events);
  }

  /**
   * Eligibility, then EnrollmentAccepted and a seat decision now (first come, first served) or in the draw: the
   * enrollment as decided. This and the steps below add their events to `events`; the caller saves the enrollment
   * and appends them.
   */
  private async decide(
    manager: EntityManager,
    enrollment: Enrollment,
    participant: Participant,
    { programme, classesInProvince }: LockedProgramme,
    namedClass: Batch | undefined,
    events: NewEvent[],
  ): Promise<Enrollment> {
    const problems = eligibilityProblems({
      participant,
      prioritySegments: programme.prioritySegments,
      startDate: namedClass?.startDate ?? programme.periodStart,
      classesInProvince,
      namedClass,
      minAge: this.config.ELIGIBLE_MIN_AGE,
      maxAge: this.config.ELIGIBLE_MAX_AGE,
    });
    if (problems.length > 0) return rejected(enrollment, problems, events);
    const awaitingSelection = programme.selectionPolicy !== 'first-come-first-served';
    events.push(
      enrollmentAcceptedEvent.with(enrollment.id, {
        enrollmentId: enrollment.id,
        participantId: enrollment.participantId,
        programmeId: enrollment.programmeId,
        selectionPolicy: programme.selectionPolicy,
        awaitingSelection,
      }),
    );
    if (awaitingSelection) {
      const drawnAt = await drawTime(manager, programme);
      if (drawnAt) return notSelected(enrollment, `the selection was drawn at ${drawnAt.toISOString()}, before the identity check answered`, events);
      return { ...enrollment, status: 'registered' };
    }
    const candidates = namedClass ? { id: namedClass.id } : { programmeId: programme.id, provinceCode: participant.provinceCode };
    return this.place(manager, enrollment, candidates, events);
  }

  /** First come, first served: a seat, a reserve place or neither in the candidate classes. */
  private async place(manager: EntityManager, enrollment: Enrollment, candidates: Candidates, events: NewEvent[]): Promise<Enrollment> {
    const placement = await takePlace(manager, candidates);
    if (placement.kind === 'none') return notSelected(enrollment, placement.reason, events);
    const batch = placement.klass;
    const placed: Enrollment =
      placement.kind === 'seat'
        ? { ...enrollment, batchId: batch.id, status: 'selected', confirmBy: batch.confirmBy }
        : { ...enrollment, batchId: batch.id, status: 'reserved', reserveRank: placement.rank };
    const decision: NewEvent =
      placement.kind === 'seat'
        ? participantSelectedEvent.with(placed.id, { ...seatDecision(placed, batch.id), confirmBy: batch.confirmBy })
        : participantReservedEvent.with(placed.id, { ...seatDecision(placed, batch.id), rank: placement.rank });
    events.push(decision, batchFillChangedEvent.with(batch.id, fillOf(batch)));
    return placed;
  }
}

function newEnrollment(participantId: string, programmeId: string, request: Omit<AdmissionRequest, 'programmeId'>): Enrollment {
  return {
    id: randomUUID(),
    participantId,
    programmeId,
    requestedBatchId: request.batchId ?? null,
    batchId: null,
    status: 'pending-identity',
    channel: request.channel,
    selectionScore: request.score ?? null,
    reasons: [],
    reserveRank: null,
    notSelectedReason: null,
    confirmBy: null,
    submittedAt: new Date(),
    confirmedAt: null,
    withdrawalReason: null,
    endedAt: null,
  };
}

function submittedEvent(enrollment: Enrollment, participant: Participant): NewEvent {
  return enrollmentSubmittedEvent.with(enrollment.id, {
    enrollmentId: enrollment.id,
    programmeId: enrollment.programmeId,
    participantId: participant.id,
    maskedNik: participant.maskedNik,
    channel: enrollment.channel,
    provinceCode: participant.provinceCode,
  });
}

/** Shared: many enrollments go on at once, while the draw (FOR UPDATE) waits for them and they for it. */
async function lockProgramme(manager: EntityManager, id: string): Promise<Programme | undefined> {
  const [programme] = await selectEntities(manager, Programme, 'id = $1 FOR SHARE', [id]);
  return programme;
}

/** A programme locked for a participant's enrollment, and how many confirmed classes it has in their province. */
interface LockedProgramme {
  programme: Programme;
  classesInProvince: number;
}

/** lockProgramme, with the count of the province's confirmed classes read in the same statement. */
async function lockProgrammeWithClassesIn(manager: EntityManager, id: string, provinceCode: string): Promise<LockedProgramme | undefined> {
  const [row] = await manager.query<Array<Programme & { classesInProvince: number }>>(
    `SELECT ${entityColumns(manager, Programme)},
            (SELECT count(*)::int FROM batches WHERE programme_id = programmes.id AND province_code = $2 AND status = 'confirmed') AS "classesInProvince"
       FROM programmes WHERE id = $1 FOR SHARE`,
    [id, provinceCode],
  );
  if (!row) return undefined;
  const { classesInProvince, ...programme } = row;
  return { programme, classesInProvince };
}

/** Which of the named classes are confirmed classes of the programme. */
async function confirmedClassIds(manager: EntityManager, programmeId: string, named: string[]): Promise<Set<string>> {
  if (named.length === 0) return new Set();
  const rows = await manager.query<Array<{ id: string }>>("SELECT id FROM batches WHERE id = ANY($1::uuid[]) AND programme_id = $2 AND status = 'confirmed'", [named, programmeId]);
  return new Set(rows.map((row) => row.id));
}

async function drawTime(manager: EntityManager, programme: Programme): Promise<Date | undefined> {
  if (programme.selectionPolicy === 'first-come-first-served') return undefined;
  const [draw] = await manager.query<Array<{ drawn_at: Date }>>('SELECT drawn_at FROM selection_draws WHERE programme_id = $1', [programme.id]);
  return draw?.drawn_at;
}

function rejected(enrollment: Enrollment, reasons: EnrollmentProblem[], events: NewEvent[]): Enrollment {
  events.push(
    enrollmentRejectedEvent.with(enrollment.id, {
      enrollmentId: enrollment.id,
      programmeId: enrollment.programmeId,
      participantId: enrollment.participantId,
      reasons,
    }),
  );
  return { ...enrollment, status: 'rejected', reasons };
}

function notSelected(enrollment: Enrollment, reason: string, events: NewEvent[]): Enrollment {
  events.push(
    participantNotSelectedEvent.with(enrollment.id, {
      enrollmentId: enrollment.id,
      participantId: enrollment.participantId,
      programmeId: enrollment.programmeId,
      reason,
    }),
  );
  return { ...enrollment, status: 'not-selected', notSelectedReason: reason };
}
