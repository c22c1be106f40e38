import { addDays, type BatchListItemView, type BatchSummaryView, type ClassRegisterView, todayInWib } from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { ADMIN, inParallel } from './gateway-client';
import { picked } from './participant-phases';
import type { Person } from './population';
import type { PhaseCounts, ScenarioState } from './setup-phases';

const programmesOf = (state: ScenarioState) => [state.mainProgrammeId!, state.lotteryProgrammeId!];

async function batchesOf(state: ScenarioState): Promise<BatchListItemView[]> {
  const lists = await Promise.all(programmesOf(state).map((id) => state.system.api.all<BatchListItemView>(`/programmes/${id}/batches`)));
  return lists.flat();
}

/** The day after the confirm-by day (moved in program's database): program checks each class's quorum once. */
export async function checkQuorum(state: ScenarioState): Promise<PhaseCounts> {
  const { running } = state.system;
  const moved = await running.query<{ id: string }>('program', `UPDATE batches SET confirm_by = $2 WHERE status = 'confirmed' AND programme_id = ANY($1) RETURNING id`, [
    programmesOf(state),
    addDays(todayInWib(), -1),
  ]);
  const ids = new Set(moved.map((row) => row.id));
  const batches = await waitFor(
    'the quorum of every class checked',
    async () => {
      const listed = (await batchesOf(state)).filter((batch) => ids.has(batch.id));
      return listed.every((batch) => batch.quorumCheckedOn !== null || batch.status === 'cancelled') && listed;
    },
    { timeoutMs: 120_000, intervalMs: 1_000 },
  );
  const cancelled = batches.filter((batch) => batch.status === 'cancelled');
  return { checked: batches.length, metQuorum: batches.length - cancelled.length, cancelledUnderQuorum: cancelled.length };
}

/**
 * The reminders fall due (their send time moved to now in notification's database), once notification has planned a
 * start reminder for every confirmed seat.
 */
export async function sendReminders(state: ScenarioState): Promise<PhaseCounts> {
  const { running } = state.system;
  const confirmations = () => state.system.events('enrollment.enrollments.v1', 'SeatConfirmed').length;
  await waitFor(
    'a start reminder planned for every confirmed seat',
    async () => {
      const [row] = await running.query<{ count: number }>('notification', `SELECT count(*)::int AS count FROM deliveries WHERE template = 'start-reminder'`);
      return row.count >= confirmations();
    },
    { timeoutMs: 180_000 + state.parameters.participants * 20, intervalMs: 1_000 },
  );
  const due = await running.query<{ template: string }>('notification', `UPDATE deliveries SET next_attempt_at = now() WHERE status = 'scheduled' RETURNING template`);
  return { remindersDue: due.length, startReminders: due.filter((row) => row.template === 'start-reminder').length };
}

/**
 * The class days pass: moved into the past in enrollment's database first (attendance may only be recorded for days
 * that came), the operators record every day through the API, then moved in program's database, whose timer starts and
 * completes the classes; enrollment then issues a certificate or a participation letter to everyone seated.
 */
export async function holdClasses(state: ScenarioState, people: Person[]): Promise<PhaseCounts> {
  const { running, api } = state.system;
  const p = state.parameters;
  const days = Array.from({ length: p.classDays }, (_, index) => addDays(todayInWib(), index - p.classDays));
  const moveDays = (service: 'enrollment' | 'program') =>
    running.query<{ id: string }>(service, `UPDATE batches SET start_date = $2, end_date = $3, class_dates = $4 WHERE status = 'confirmed' AND programme_id = ANY($1) RETURNING id`, [
      programmesOf(state),
      days[0],
      days[days.length - 1],
      days,
    ]);
  const held = await moveDays('enrollment');
  const absentees = new Set(people.filter((someone) => picked(someone.index + 1, p.absentShare)).map((someone) => someone.enrollmentId));
  let records = 0;
  let seated = 0;
  await inParallel(held, p.concurrency, async ({ id }) => {
    const register = await api.ok<ClassRegisterView>('GET', `/batches/${id}/attendance`, ADMIN);
    const present = register.participants.filter((line) => line.status === 'confirmed' || line.status === 'selected');
    seated += present.length;
    for (const [index, day] of days.entries()) {
      // Absentees miss the first two days: under the 80% of the completion rule with five class days.
      const entries = present.map((line) => ({ enrollmentId: line.enrollmentId, present: !(absentees.has(line.enrollmentId) && index < 2) }));
      if (entries.length === 0) continue;
      await api.ok('PUT', `/batches/${id}/attendance/${day}`, ADMIN, { records: entries });
      records += entries.length;
    }
  });
  await moveDays('program');
  await waitFor(
    'every class held to be completed',
    async () => {
      const summaries = await Promise.all(programmesOf(state).map((id) => api.ok<BatchSummaryView>('GET', `/programmes/${id}/batch-summary`, ADMIN)));
      return summaries.every((summary) => summary.counts.confirmed === 0 && summary.counts.running === 0);
    },
    { timeoutMs: 180_000 + state.parameters.classes * 500, intervalMs: 1_000 },
  );
  const documents = () =>
    state.system.events('enrollment.enrollments.v1', 'CertificateIssued').length + state.system.events('enrollment.enrollments.v1', 'ParticipationLetterIssued').length;
  await waitFor('a certificate or letter for everyone seated', () => documents() >= seated, { timeoutMs: 180_000 + seated * 20, intervalMs: 1_000 });
  return {
    classesHeld: held.length,
    seated,
    attendanceRecords: records,
    certificates: state.system.events('enrollment.enrollments.v1', 'CertificateIssued').length,
    letters: state.system.events('enrollment.enrollments.v1', 'ParticipationLetterIssued').length,
  };
}

/** The operators close every completed class through the API. */
export async function closeClasses(state: ScenarioState): Promise<PhaseCounts> {
  const completed = (await batchesOf(state)).filter((batch) => batch.status === 'completed');
  await inParallel(completed, state.parameters.concurrency, (batch) => state.system.api.ok('POST', `/batches/${batch.id}/close`, ADMIN));
  return { closed: completed.length };
}

/** Until notification owes nothing that is due: no delivery pending, and the sinks have stopped growing. */
export async function settleDeliveries(state: ScenarioState): Promise<PhaseCounts> {
  const { running, sinks } = state.system;
  let last = -1;
  const rows = await waitFor(
    'every due message delivered',
    async () => {
      const byStatus = await running.query<{ status: string; count: number }>('notification', 'SELECT status, count(*)::int AS count FROM deliveries GROUP BY status');
      const caught = sinks.allEmails().length + sinks.allProviderMessages().length;
      const settled = !byStatus.some((row) => row.status === 'pending') && caught === last;
      last = caught;
      return settled && byStatus;
    },
    { timeoutMs: 600_000 + state.parameters.participants * 100, intervalMs: 3_000 },
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}
