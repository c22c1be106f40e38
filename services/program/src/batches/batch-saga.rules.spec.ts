import { decide, dueLifecycleStep, isLatestFill, SagaDecision, SagaInput, SagaState } from './batch-saga.rules';

const planned: SagaState = {
  status: 'planned',
  startDate: '2025-05-05',
  endDate: '2025-05-09',
  classDates: ['2025-05-05', '2025-05-06', '2025-05-07', '2025-05-08', '2025-05-09'],
  confirmBy: '2025-04-28',
  reservationId: null,
  roomCode: null,
  assignmentId: null,
  instructorId: null,
  failedStep: null,
  failureReason: null,
  cancellationReason: null,
  cancellationDetail: null,
  seats: 16,
  minimumQuorum: 10,
  quorumCheckedOn: null,
};

const reserved: SagaInput = { kind: 'venue-reserved', reservationId: 'r1', roomCode: 'R-101' };
const assigned: SagaInput = { kind: 'instructor-assigned', assignmentId: 'a1', instructorId: 'i1' };

function run(state: SagaState, ...inputs: SagaInput[]): { state: SagaState; decisions: SagaDecision[] } {
  const decisions: SagaDecision[] = [];
  for (const input of inputs) {
    const decision = decide(state, input);
    decisions.push(decision);
    if (decision.applied) state = decision.state;
  }
  return { state, decisions };
}

const outcomes = (decisions: SagaDecision[]) => decisions.map((decision) => (decision.applied ? decision.outcome.kind : 'ignored'));

describe('batch saga transitions', () => {
  const confirmed = run(planned, reserved, assigned).state;

  it.each([
    ['venue first', [reserved, assigned]],
    ['instructor first', [assigned, reserved]],
  ])('confirms once both answers are positive (%s)', (_, inputs) => {
    const { state, decisions } = run(planned, ...inputs);
    expect(outcomes(decisions)).toEqual(['recorded', 'confirmed']);
    expect(state).toMatchObject({ status: 'confirmed', roomCode: 'R-101', instructorId: 'i1' });
  });

  it('fails on a venue rejection, naming the rule and reason', () => {
    const { state, decisions } = run(planned, assigned, { kind: 'venue-rejected', rule: 'no-room-free', reason: 'all rooms taken' });
    expect(outcomes(decisions)).toEqual(['recorded', 'failed']);
    expect(state).toMatchObject({ status: 'failed', failedStep: 'venue', failureReason: 'no-room-free: all rooms taken' });
  });

  it('fails on an instructor rejection', () => {
    expect(run(planned, { kind: 'instructor-rejected', reason: 'nobody free' }).state).toMatchObject({ status: 'failed', failedStep: 'instructor' });
  });

  it('fails a planned class at its deadline, saying who did not answer', () => {
    const { state } = run(planned, reserved, { kind: 'timeout' });
    expect(state).toMatchObject({ status: 'failed', failedStep: 'timeout', failureReason: expect.stringContaining('instructor did not answer') });
  });

  it('ignores duplicate and late replies', () => {
    const afterDuplicate = run(planned, reserved, { ...reserved, reservationId: 'r2' });
    expect(outcomes(afterDuplicate.decisions)).toEqual(['recorded', 'ignored']);
    expect(afterDuplicate.state.reservationId).toBe('r1');

    const failed = run(planned, { kind: 'timeout' }).state;
    expect(outcomes(run(failed, reserved, assigned).decisions)).toEqual(['ignored', 'ignored']);
    expect(outcomes(run(confirmed, { kind: 'timeout' }, { kind: 'venue-rejected', rule: 'no-room-free', reason: 'late' }).decisions)).toEqual([
      'ignored',
      'ignored',
    ]);
  });

  it('cancels a confirmed class whose venue withdraws, but only for its own reservation', () => {
    expect(outcomes(run(confirmed, { kind: 'venue-withdrawn', reservationId: 'other', reason: 'x' }).decisions)).toEqual(['ignored']);
    const { state } = run(confirmed, { kind: 'venue-withdrawn', reservationId: 'r1', reason: 'renovation' });
    expect(state).toMatchObject({ status: 'cancelled', cancellationReason: 'venue-withdrawn', cancellationDetail: 'renovation' });
  });

  it('keeps a class confirmed when its instructor is replaced, and cancels it when nobody takes over', () => {
    const replaced = run(
      confirmed,
      { kind: 'instructor-withdrawn', assignmentId: 'a1', reassigned: true, reason: 'ill' },
      { kind: 'instructor-assigned', assignmentId: 'a2', instructorId: 'i2', replacesInstructorId: 'i1' },
    );
    expect(outcomes(replaced.decisions)).toEqual(['recorded', 'recorded']);
    expect(replaced.state).toMatchObject({ status: 'confirmed', instructorId: 'i2', assignmentId: 'a2' });

    const lost = run(confirmed, { kind: 'instructor-withdrawn', assignmentId: 'a1', reassigned: false, reason: 'ill' });
    expect(lost.state).toMatchObject({ status: 'cancelled', cancellationReason: 'instructor-withdrawn' });
  });

  it('lets an admin cancel a planned or confirmed class, and nothing later', () => {
    expect(run(planned, { kind: 'cancel', detail: 'x' }).state.status).toBe('cancelled');
    expect(run(confirmed, { kind: 'cancel', detail: 'x' }).state.cancellationReason).toBe('admin');
    const running = run(confirmed, { kind: 'start' }).state;
    expect(outcomes(run(running, { kind: 'cancel', detail: 'x' }).decisions)).toEqual(['ignored']);
  });

  it('reschedules only a confirmed class, remembering the old dates', () => {
    const classDates = ['2025-05-14', '2025-05-15', '2025-05-16', '2025-05-19', '2025-05-20'];
    const move: SagaInput = {
      kind: 'reschedule',
      startDate: '2025-05-14',
      endDate: '2025-05-20',
      classDates,
      confirmBy: '2025-05-07',
      reason: 'holiday',
    };
    expect(outcomes(run(planned, move).decisions)).toEqual(['ignored']);
    const [decision] = run(confirmed, move).decisions;
    expect(decision).toMatchObject({
      applied: true,
      state: { status: 'confirmed', startDate: '2025-05-14', endDate: '2025-05-20', classDates, confirmBy: '2025-05-07' },
      outcome: { kind: 'rescheduled', previousStartDate: '2025-05-05', previousEndDate: '2025-05-09' },
    });
  });

  it('records the room and instructor a rescheduled class keeps or moves to', () => {
    const moved = run(confirmed, { kind: 'venue-reserved', reservationId: 'r1', roomCode: 'R-102' }, assigned);
    expect(outcomes(moved.decisions)).toEqual(['recorded', 'recorded']);
    expect(moved.state).toMatchObject({ status: 'confirmed', roomCode: 'R-102', instructorId: 'i1' });
    expect(outcomes(run(confirmed, { kind: 'venue-reserved', reservationId: 'other', roomCode: 'R-9' }).decisions)).toEqual(['ignored']);
  });

  it('runs confirmed -> running -> completed -> closed, one step at a time', () => {
    const { state, decisions } = run(confirmed, { kind: 'close' }, { kind: 'start' }, { kind: 'complete' }, { kind: 'close' });
    expect(outcomes(decisions)).toEqual(['ignored', 'started', 'completed', 'closed']);
    expect(state.status).toBe('closed');
  });
});

describe('the confirm-by deadline (under-quorum)', () => {
  const confirmed = run(planned, reserved, assigned).state;
  const passed = (confirmedCount: number, today = '2025-04-29'): SagaInput => ({ kind: 'confirm-by-passed', confirmed: confirmedCount, today });

  it('cancels a confirmed class with fewer confirmed participants than its quorum, saying how many', () => {
    const [decision] = run(confirmed, passed(7)).decisions;
    expect(decision).toEqual({
      applied: true,
      state: expect.objectContaining({
        status: 'cancelled',
        cancellationReason: 'under-quorum',
        cancellationDetail: '7 of 16 seats confirmed by 2025-04-28; quorum 10',
        quorumCheckedOn: '2025-04-29',
      }),
      outcome: { kind: 'cancelled', reason: 'under-quorum', detail: '7 of 16 seats confirmed by 2025-04-28; quorum 10' },
      note: 'under-quorum: 7 of 16 seats confirmed by 2025-04-28; quorum 10',
    });
  });

  it('leaves a class that meets its quorum confirmed, and never evaluates it twice', () => {
    const { state, decisions } = run(confirmed, passed(10), passed(3, '2025-04-30'));
    expect(outcomes(decisions)).toEqual(['recorded', 'ignored']);
    expect(state).toMatchObject({ status: 'confirmed', quorumCheckedOn: '2025-04-29', cancellationReason: null });
    expect(decisions[1]).toEqual({ applied: false, note: 'quorum already evaluated on 2025-04-29' });
  });

  it('waits until the confirm-by day has passed (the day itself still counts)', () => {
    expect(outcomes(run(confirmed, passed(0, '2025-04-28'), passed(0, '2025-04-01')).decisions)).toEqual(['ignored', 'ignored']);
    expect(run(confirmed, passed(0, '2025-04-28')).state.quorumCheckedOn).toBeNull();
  });

  it('applies only to a confirmed class', () => {
    const running = run(confirmed, { kind: 'start' }).state;
    const cancelled = run(confirmed, { kind: 'cancel', detail: 'x' }).state;
    expect(outcomes(run(planned, passed(0)).decisions)).toEqual(['ignored']);
    expect(outcomes(run(running, passed(0)).decisions)).toEqual(['ignored']);
    expect(run(cancelled, passed(0)).state.cancellationReason).toBe('admin');
  });
});

describe('isLatestFill', () => {
  it('keeps the latest fill by event time; a fill at the same time replaces the recorded one', () => {
    const at = new Date('2025-04-20T03:00:00Z');
    expect(isLatestFill(null, at)).toBe(true);
    expect(isLatestFill(at, new Date('2025-04-20T03:00:01Z'))).toBe(true);
    expect(isLatestFill(at, new Date(at))).toBe(true);
    expect(isLatestFill(at, new Date('2025-04-20T02:59:59Z'))).toBe(false);
  });
});

describe('dueLifecycleStep', () => {
  it('starts a confirmed class on its start date and completes it the day after its end date', () => {
    const dates = { startDate: '2025-05-05', endDate: '2025-05-09' };
    expect(dueLifecycleStep({ status: 'confirmed', ...dates }, '2025-05-04')).toBeUndefined();
    expect(dueLifecycleStep({ status: 'confirmed', ...dates }, '2025-05-05')).toBe('start');
    expect(dueLifecycleStep({ status: 'running', ...dates }, '2025-05-09')).toBeUndefined();
    expect(dueLifecycleStep({ status: 'running', ...dates }, '2025-05-10')).toBe('complete');
    expect(dueLifecycleStep({ status: 'planned', ...dates }, '2025-05-10')).toBeUndefined();
  });
});
