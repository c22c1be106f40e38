import { BatchCancellationReason, BatchFailedStep, BatchStatus } from '@sinergi/contracts';

/** The fields of a batch that the saga changes. */
export interface SagaState {
  status: BatchStatus;
  startDate: string;
  endDate: string;
  classDates: string[];
  confirmBy: string;
  reservationId: string | null;
  roomCode: string | null;
  assignmentId: string | null;
  instructorId: string | null;
  failedStep: BatchFailedStep | null;
  failureReason: string | null;
  cancellationReason: BatchCancellationReason | null;
  cancellationDetail: string | null;
  /** Read by the confirm-by rule; the saga never changes them. */
  seats: number;
  minimumQuorum: number;
  /** The day the quorum was evaluated after the confirm-by deadline; null until then. */
  quorumCheckedOn: string | null;
}

/** Everything that can happen to a batch: replies of the other services, admin commands, the clock. */
export type SagaInput =
  | { kind: 'venue-reserved'; reservationId: string; roomCode: string }
  | { kind: 'venue-rejected'; rule: string; reason: string }
  | { kind: 'venue-withdrawn'; reservationId: string; reason: string }
  | { kind: 'instructor-assigned'; assignmentId: string; instructorId: string; replacesInstructorId?: string }
  | { kind: 'instructor-rejected'; reason: string }
  | { kind: 'instructor-withdrawn'; assignmentId: string; reassigned: boolean; reason: string }
  | { kind: 'timeout' }
  | { kind: 'cancel'; detail: string }
  | { kind: 'reschedule'; startDate: string; endDate: string; classDates: string[]; confirmBy: string; reason: string }
  /** The timer on `today`, a day after the class's confirm-by day, with enrollment's latest confirmed count. */
  | { kind: 'confirm-by-passed'; confirmed: number; today: string }
  | { kind: 'start' }
  | { kind: 'complete' }
  | { kind: 'close' };

/** What a decision means to the outside world: the event it publishes, if any. */
export type SagaOutcome =
  | { kind: 'recorded' }
  | { kind: 'confirmed' }
  | { kind: 'failed'; failedStep: BatchFailedStep; reason: string }
  | { kind: 'cancelled'; reason: BatchCancellationReason; detail: string }
  | { kind: 'rescheduled'; previousStartDate: string; previousEndDate: string; reason: string }
  | { kind: 'started' }
  | { kind: 'completed' }
  | { kind: 'closed' };

export type SagaDecision =
  | { applied: true; state: SagaState; outcome: SagaOutcome; note: string }
  /** The input does not fit the batch's state (late, duplicate, wrong state): nothing changes. */
  | { applied: false; note: string };

const ignore = (note: string): SagaDecision => ({ applied: false, note });

/** The saga's transition function: pure, so every rule is unit-tested apart from Kafka and SQL. */
export function decide(state: SagaState, input: SagaInput): SagaDecision {
  switch (input.kind) {
    case 'venue-reserved':
      if (state.status === 'confirmed' && input.reservationId === state.reservationId) {
        // venue-capacity moved the reservation with a rescheduled class, perhaps to another room.
        return { applied: true, state: { ...state, roomCode: input.roomCode }, outcome: { kind: 'recorded' }, note: `reservation now holds room ${input.roomCode}` };
      }
      if (state.status !== 'planned') return ignore(`venue reservation ${input.reservationId} arrived for a ${state.status} batch`);
      if (state.reservationId) return ignore(`venue already answered (reservation ${state.reservationId})`);
      return settle({ ...state, reservationId: input.reservationId, roomCode: input.roomCode }, `room ${input.roomCode} reserved`);

    case 'instructor-assigned':
      return instructorAssigned(state, input);

    case 'venue-rejected':
      if (state.status !== 'planned') return ignore(`venue rejection arrived for a ${state.status} batch`);
      return fail(state, 'venue', `${input.rule}: ${input.reason}`);

    case 'instructor-rejected':
      if (state.status !== 'planned') return ignore(`instructor rejection arrived for a ${state.status} batch`);
      return fail(state, 'instructor', input.reason);

    case 'timeout':
      if (state.status !== 'planned') return ignore(`reply deadline passed for a ${state.status} batch`);
      return fail(state, 'timeout', `no complete answer in time: venue ${state.reservationId ? 'reserved' : 'did not answer'}, instructor ${state.assignmentId ? 'assigned' : 'did not answer'}`);

    case 'venue-withdrawn':
      if (input.reservationId !== state.reservationId) return ignore(`withdrawn reservation ${input.reservationId} is not this batch's`);
      if (state.status === 'planned') return fail(state, 'venue', `reservation withdrawn: ${input.reason}`);
      if (state.status === 'confirmed') return cancel(state, 'venue-withdrawn', input.reason);
      return ignore(`venue withdrew from a ${state.status} batch: ${input.reason}`);

    case 'instructor-withdrawn':
      if (input.assignmentId !== state.assignmentId) return ignore(`withdrawn assignment ${input.assignmentId} is not this batch's`);
      if (input.reassigned) {
        return { applied: true, state, outcome: { kind: 'recorded' }, note: `instructor withdrew, a replacement follows: ${input.reason}` };
      }
      if (state.status === 'planned') return fail(state, 'instructor', `instructor withdrawn: ${input.reason}`);
      if (state.status === 'confirmed') return cancel(state, 'instructor-withdrawn', input.reason);
      return ignore(`instructor withdrew from a ${state.status} batch: ${input.reason}`);

    case 'cancel':
      if (state.status !== 'planned' && state.status !== 'confirmed') return ignore(`a ${state.status} batch cannot be cancelled`);
      return cancel(state, 'admin', input.detail);

    case 'reschedule':
      if (state.status !== 'confirmed') return ignore(`only a confirmed batch can be rescheduled; this one is ${state.status}`);
      return {
        applied: true,
        state: { ...state, startDate: input.startDate, endDate: input.endDate, classDates: input.classDates, confirmBy: input.confirmBy },
        outcome: { kind: 'rescheduled', previousStartDate: state.startDate, previousEndDate: state.endDate, reason: input.reason },
        note: `moved from ${state.startDate}..${state.endDate} to ${input.startDate}..${input.endDate}: ${input.reason}`,
      };

    case 'confirm-by-passed':
      return confirmByPassed(state, input);

    case 'start':
      return step(state, 'confirmed', 'running', { kind: 'started' });
    case 'complete':
      return step(state, 'running', 'completed', { kind: 'completed' });
    case 'close':
      return step(state, 'completed', 'closed', { kind: 'closed' });
  }
}

/** The clock's next step for a batch on `today`, if any: confirmed classes start, running ones complete. */
export function dueLifecycleStep(state: Pick<SagaState, 'status' | 'startDate' | 'endDate'>, today: string): 'start' | 'complete' | undefined {
  if (state.status === 'confirmed' && state.startDate <= today) return 'start';
  if (state.status === 'running' && state.endDate < today) return 'complete';
  return undefined;
}

/**
 * Once the confirm-by day has passed, a confirmed class with fewer confirmed participants than its
 * quorum is cancelled; one that meets it is left alone. Either way the deadline is evaluated once.
 */
function confirmByPassed(state: SagaState, input: Extract<SagaInput, { kind: 'confirm-by-passed' }>): SagaDecision {
  if (state.status !== 'confirmed') return ignore(`confirm-by day passed for a ${state.status} batch`);
  if (state.quorumCheckedOn) return ignore(`quorum already evaluated on ${state.quorumCheckedOn}`);
  if (input.today <= state.confirmBy) return ignore(`confirm-by day ${state.confirmBy} has not passed on ${input.today}`);
  const detail = `${input.confirmed} of ${state.seats} seats confirmed by ${state.confirmBy}; quorum ${state.minimumQuorum}`;
  const evaluated = { ...state, quorumCheckedOn: input.today };
  if (input.confirmed < state.minimumQuorum) return cancel(evaluated, 'under-quorum', detail);
  return { applied: true, state: evaluated, outcome: { kind: 'recorded' }, note: `quorum met: ${detail}` };
}

/** Whether a fill stamped `eventTime` replaces the one recorded at `recordedAt` (the latest by event time wins). */
export function isLatestFill(recordedAt: Date | null, eventTime: Date): boolean {
  return !recordedAt || eventTime.getTime() >= recordedAt.getTime();
}

function instructorAssigned(state: SagaState, input: Extract<SagaInput, { kind: 'instructor-assigned' }>): SagaDecision {
  if (input.replacesInstructorId) {
    if (!['planned', 'confirmed', 'running'].includes(state.status) || input.replacesInstructorId !== state.instructorId) {
      return ignore(`replacement for instructor ${input.replacesInstructorId}, who is not this ${state.status} batch's instructor`);
    }
    return {
      applied: true,
      state: { ...state, assignmentId: input.assignmentId, instructorId: input.instructorId },
      outcome: { kind: 'recorded' },
      note: `instructor ${input.instructorId} replaces ${input.replacesInstructorId}`,
    };
  }
  if (state.status === 'confirmed' && input.assignmentId === state.assignmentId) {
    return { applied: true, state, outcome: { kind: 'recorded' }, note: `instructor ${input.instructorId} keeps the class on its new dates` };
  }
  if (state.status !== 'planned') return ignore(`instructor assignment ${input.assignmentId} arrived for a ${state.status} batch`);
  if (state.assignmentId) return ignore(`instructor already answered (assignment ${state.assignmentId})`);
  return settle({ ...state, assignmentId: input.assignmentId, instructorId: input.instructorId }, `instructor ${input.instructorId} assigned`);
}

/** A planned batch with both answers positive is confirmed; with one, it waits for the other. */
function settle(state: SagaState, note: string): SagaDecision {
  if (state.reservationId && state.assignmentId) {
    return { applied: true, state: { ...state, status: 'confirmed' }, outcome: { kind: 'confirmed' }, note };
  }
  return { applied: true, state, outcome: { kind: 'recorded' }, note: `${note}; waiting for the ${state.reservationId ? 'instructor' : 'venue'}` };
}

function fail(state: SagaState, failedStep: BatchFailedStep, reason: string): SagaDecision {
  return {
    applied: true,
    state: { ...state, status: 'failed', failedStep, failureReason: reason },
    outcome: { kind: 'failed', failedStep, reason },
    note: `${failedStep}: ${reason}`,
  };
}

function cancel(state: SagaState, reason: BatchCancellationReason, detail: string): SagaDecision {
  return {
    applied: true,
    state: { ...state, status: 'cancelled', cancellationReason: reason, cancellationDetail: detail },
    outcome: { kind: 'cancelled', reason, detail },
    note: `${reason}: ${detail}`,
  };
}

function step(state: SagaState, from: BatchStatus, to: BatchStatus, outcome: SagaOutcome): SagaDecision {
  if (state.status !== from) return ignore(`a ${state.status} batch cannot become ${to}`);
  return { applied: true, state: { ...state, status: to }, outcome, note: `${from} -> ${to}` };
}
