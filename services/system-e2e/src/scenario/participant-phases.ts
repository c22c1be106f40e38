import {
  addDays,
  type EnrollmentView,
  nominationBatchSubmittedEvent,
  type NominationRecordAccepted,
  type NominationRecordRejected,
  type ParticipantView,
  type ProgrammeFillView,
  type SelectionView,
  todayInWib,
} from '@sinergi/contracts';
import { buildEnvelope, publishEnvelopes, testKafka, waitFor } from '@sinergi/testing';
import { ADMIN, inParallel, participantPrincipal } from './gateway-client';
import { interleave, type Person, person, provinceQuotas } from './population';
import type { PhaseCounts, ScenarioState } from './setup-phases';

export interface People {
  main: Person[];
  lottery: Person[];
}

/** A deterministic pick of about `share` of the people, spread over the whole run. */
export function picked(index: number, share: number): boolean {
  return ((index * 7919) % 1000) < share * 1000;
}

/** The main programme's people, spread over the provinces by their confirmed seats; even ones nominated, odd ones on their own. */
export function mainPopulation(state: ScenarioState): Person[] {
  const seats = new Map<string, number>(state.provinces.map((code) => [code, 0]));
  for (const batch of state.classes) if (batch.programmeId === state.mainProgrammeId) seats.set(batch.provinceCode, (seats.get(batch.provinceCode) ?? 0) + batch.seats);
  return interleave(provinceQuotas(seats, state.parameters.participants)).map((code, index) => person(index + 1, code, index % 2 === 0 ? 'nomination' : 'self-service'));
}

export function lotteryPopulation(state: ScenarioState): Person[] {
  const first = state.parameters.participants + 1;
  return Array.from({ length: state.parameters.lotteryPool }, (_, index) => person(first + index, state.lotteryProvince, 'lottery'));
}

/**
 * Both ways in at once: institutions nominate half the people in bulk on KemenUMKM's nominations topic (one message
 * per institution and up to nominationBatchSize records), while the other half registers and enrolls through the API.
 */
export async function registerAndEnroll(state: ScenarioState, people: Person[]): Promise<PhaseCounts> {
  const nominated = people.filter((someone) => someone.channel === 'nomination');
  const selfService = people.filter((someone) => someone.channel === 'self-service');
  const [nominations] = await Promise.all([nominate(state, nominated), selfRegister(state, selfService, state.mainProgrammeId!)]);
  return { nominated: nominated.length, nominationsAccepted: nominations.accepted, nominationsRejected: nominations.rejected, selfService: selfService.length };
}

async function nominate(state: ScenarioState, people: Person[]): Promise<{ accepted: number; rejected: number }> {
  const { system, parameters } = state;
  const byInstitution = new Map<string, Person[]>();
  for (const someone of people) {
    const institution = `PLUT-${someone.registration.provinceCode}-01`;
    byInstitution.set(institution, [...(byInstitution.get(institution) ?? []), someone]);
  }
  const producer = testKafka('scenario-kemenumkm').producer();
  await producer.connect();
  const byRef = new Map<string, Person>();
  try {
    for (const [institutionId, members] of byInstitution) {
      for (let from = 0; from < members.length; from += parameters.nominationBatchSize) {
        const records = members.slice(from, from + parameters.nominationBatchSize).map((someone) => {
          const recordRef = `${institutionId}/${someone.index}`;
          byRef.set(recordRef, someone);
          return { recordRef, ...someone.registration };
        });
        const envelope = buildEnvelope(nominationBatchSubmittedEvent.with(institutionId, { institutionId, programmeId: state.mainProgrammeId!, records }), '/kemenumkm/nominations');
        await publishEnvelopes(producer, system.running.topicPrefix, [envelope]);
      }
    }
  } finally {
    await producer.disconnect();
  }
  const results = () => [
    ...system.events<NominationRecordAccepted>('integration.kemenumkm.nominations.results.v1', 'NominationRecordAccepted'),
    ...system.events<NominationRecordRejected>('integration.kemenumkm.nominations.results.v1', 'NominationRecordRejected'),
  ];
  // About 50 ms a new participant on a shared 2-core machine (enrollment's README), with a generous margin.
  await waitFor('a result for every nominated record', () => results().length >= people.length, { timeoutMs: 300_000 + people.length * 200, intervalMs: 1_000 });
  let accepted = 0;
  for (const { type, data } of results()) {
    if (type !== 'NominationRecordAccepted') continue;
    const result = data as NominationRecordAccepted;
    const someone = byRef.get(result.recordRef);
    if (!someone) continue;
    someone.participantId = result.participantId;
    someone.enrollmentId = result.enrollmentId;
    accepted += 1;
  }
  return { accepted, rejected: results().length - accepted };
}

/** Registers (no sign-in) and enrolls (signed in as the participant), `concurrency` people at a time. */
export async function selfRegister(state: ScenarioState, people: Person[], programmeId: string): Promise<void> {
  const { api } = state.system;
  await inParallel(people, state.parameters.concurrency, async (someone) => {
    const registered = await api.ok<ParticipantView>('POST', '/participants', null, someone.registration, { 'idempotency-key': `scenario-register-${someone.index}` });
    someone.participantId = registered.id;
    const enrolled = await api.ok<EnrollmentView>('POST', '/me/enrollments', participantPrincipal(registered.id), { programmeId }, { 'idempotency-key': `scenario-enroll-${someone.index}` });
    someone.enrollmentId = enrolled.id;
  });
}

/** Until no enrollment of the programme waits for its identity check; answers its enrollments by status. */
export async function untilIdentityChecked(state: ScenarioState, programmeId: string, expected: number): Promise<Record<string, number>> {
  const fill = await waitFor(
    'every identity checked and every enrollment decided',
    async () => {
      const answer = await state.system.api.ok<ProgrammeFillView>('GET', `/programmes/${programmeId}/fill`, ADMIN);
      const total = Object.values(answer.enrollmentsByStatus).reduce((a, b) => a + b, 0);
      return total >= expected && !answer.enrollmentsByStatus['pending-identity'] && answer;
    },
    { timeoutMs: 300_000 + expected * 100, intervalMs: 1_000 },
  );
  return fill.enrollmentsByStatus;
}

/** The lottery programme: a pool larger than its seats registers and enrolls, then the admin draws through the API. */
export async function drawLottery(state: ScenarioState, pool: Person[]): Promise<PhaseCounts> {
  const { api } = state.system;
  const programmeId = state.lotteryProgrammeId!;
  await selfRegister(state, pool, programmeId);
  const before = await untilIdentityChecked(state, programmeId, pool.length);
  const drawn = await api.ok<SelectionView>('POST', `/programmes/${programmeId}/selection`, ADMIN, { seed: state.parameters.seed });
  return { pool: drawn.poolSize, registered: before.registered ?? 0, selected: drawn.outcomes.selected, reserved: drawn.outcomes.reserved, notSelected: drawn.outcomes['not-selected'] };
}

/** Daftar ulang: everyone seated confirms, but for the no-shows; a confirmation of someone not seated is a 409. */
export async function confirmSeats(state: ScenarioState, people: Person[]): Promise<PhaseCounts> {
  const { api } = state.system;
  const counts = { confirmed: 0, notSeated: 0, noShows: 0 };
  await inParallel(people, state.parameters.concurrency, async (someone) => {
    if (!someone.enrollmentId || !someone.participantId) return;
    if (picked(someone.index, state.parameters.noShowShare)) {
      counts.noShows += 1;
      return;
    }
    const answer = await api.call<EnrollmentView>('POST', `/me/enrollments/${someone.enrollmentId}/confirm`, participantPrincipal(someone.participantId));
    if (answer.status === 200) counts.confirmed += 1;
    else if (answer.status === 409) counts.notSeated += 1;
    else throw new Error(`confirming ${someone.enrollmentId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  });
  return counts;
}

/**
 * The confirm-by day passes (moved in enrollment's database: days cannot pass in a run): the seats nobody confirmed
 * expire, reserves are promoted, and the promoted confirm within their own days.
 */
export async function expireAndPromote(state: ScenarioState): Promise<PhaseCounts> {
  const { system } = state;
  const programmes = [state.mainProgrammeId!, state.lotteryProgrammeId!];
  const yesterday = addDays(todayInWib(), -1);
  const lapsed = await system.running.query<{ id: string }>('enrollment', `UPDATE enrollments SET confirm_by = $2 WHERE status = 'selected' AND programme_id = ANY($1) RETURNING id`, [programmes, yesterday]);
  const lapsedIds = new Set(lapsed.map((row) => row.id));
  await waitFor(
    'every unconfirmed seat expired',
    () => system.events('enrollment.enrollments.v1', 'SeatExpired').filter((event) => lapsedIds.has(event.subject)).length === lapsedIds.size,
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  // Each expiry promotes the class's first reserve in the same transaction; the events may still be on their way.
  const promotedNow = () => system.events<{ participantId: string }>('enrollment.enrollments.v1', 'ReservePromoted');
  let seen = -1;
  await waitFor('the promotions to settle', () => {
    const count = promotedNow().length;
    const settled = count === seen;
    seen = count;
    return settled;
  }, { timeoutMs: 120_000, intervalMs: 3_000 });
  let confirmed = 0;
  await inParallel(promotedNow(), state.parameters.concurrency, async (event) => {
    const answer = await system.api.call('POST', `/me/enrollments/${event.subject}/confirm`, participantPrincipal(event.data.participantId));
    if (answer.status !== 200) throw new Error(`the promoted ${event.subject} could not confirm: ${answer.status} ${JSON.stringify(answer.body)}`);
    confirmed += 1;
  });
  return { expired: lapsedIds.size, promoted: promotedNow().length, promotedConfirmed: confirmed };
}
