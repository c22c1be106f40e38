import type { AssignmentView, InstructorDetailView, ReservationView } from '@sinergi/contracts';
import { ADMIN, inParallel } from './gateway-client';
import type { Person } from './population';
import type { ScenarioState } from './setup-phases';

export interface InvariantResult {
  name: string;
  holds: boolean;
  violations: number;
  /** A few of the violations, to start looking from (ids only, never personal data). */
  examples: string[];
}

/** Ordering is reported, not enforced, while the delivery-ordering fix is built elsewhere. */
export interface OrderingFigure {
  enrollmentsChecked: number;
  outOfOrder: number;
  examples: string[];
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function result(name: string, violations: string[]): InvariantResult {
  return { name, holds: violations.length === 0, violations: violations.length, examples: violations.slice(0, 5) };
}

/** No class holds more seated participants than seats, or more reserves than reserve places (counted from the enrollments). */
export async function noClassOverCapacity(state: ScenarioState): Promise<InvariantResult> {
  const rows = await state.system.running.query<{ id: string; seats: number; reserves: number; seated: number; reserved: number }>(
    'enrollment',
    `SELECT b.id, b.seats, b.reserves,
            count(e.id) FILTER (WHERE e.status IN ('selected', 'confirmed'))::int AS seated,
            count(e.id) FILTER (WHERE e.status = 'reserved')::int AS reserved
       FROM batches b LEFT JOIN enrollments e ON e.batch_id = b.id GROUP BY b.id`,
  );
  return result(
    'no class over capacity',
    rows.filter((row) => row.seated > row.seats || row.reserved > row.reserves).map((row) => `class ${row.id}: ${row.seated}/${row.seats} seated, ${row.reserved}/${row.reserves} reserves`),
  );
}

/** Two held spans of the same thing overlap. */
function overlaps<T extends { startDate: string; endDate: string }>(spans: T[], label: (a: T, b: T) => string): string[] {
  const sorted = [...spans].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const found: string[] = [];
  for (let index = 1; index < sorted.length; index += 1) {
    for (let earlier = index - 1; earlier >= 0 && sorted[earlier].endDate >= sorted[index].startDate; earlier -= 1) found.push(label(sorted[earlier], sorted[index]));
  }
  return found;
}

/** No room holds two reservations on one day, and no instructor teaches two classes on one day (read through the API). */
export async function noDoubleBooking(state: ScenarioState): Promise<InvariantResult[]> {
  const { api } = state.system;
  const rooms: string[] = [];
  await inParallel(state.venues, state.parameters.concurrency, async (venue) => {
    const held = (await api.all<ReservationView>(`/reservations?venueCode=${venue.venueCode}`)).filter((reservation) => reservation.status === 'active');
    for (const room of venue.rooms) {
      rooms.push(...overlaps(held.filter((reservation) => reservation.roomCode === room.roomCode), (a, b) => `${venue.venueCode}/${room.roomCode}: classes ${a.batchId} and ${b.batchId}`));
    }
  });
  const instructors = await api.all<InstructorDetailView>('/instructors', ADMIN);
  const teaching: string[] = [];
  await inParallel(instructors, state.parameters.concurrency, async (instructor) => {
    const held = (await api.all<AssignmentView>(`/assignments?instructorId=${instructor.id}`)).filter((assignment) => assignment.status === 'active');
    teaching.push(...overlaps(held, (a, b) => `instructor ${instructor.id}: classes ${a.batchId} and ${b.batchId}`));
  });
  return [result('no room double-booked', rooms), result('no instructor double-booked', teaching)];
}

/** Nobody holds places in two classes of one programme, nor two active enrollments in it. */
export async function onePlacePerProgramme(state: ScenarioState): Promise<InvariantResult> {
  const rows = await state.system.running.query<{ participant: string; programme: string; classes: number; active: number }>(
    'enrollment',
    `SELECT participant_id AS participant, programme_id AS programme,
            count(DISTINCT batch_id) FILTER (WHERE status IN ('selected', 'confirmed', 'reserved'))::int AS classes,
            count(*) FILTER (WHERE status IN ('pending-identity', 'registered', 'selected', 'confirmed', 'reserved'))::int AS active
       FROM enrollments GROUP BY participant_id, programme_id
     HAVING count(DISTINCT batch_id) FILTER (WHERE status IN ('selected', 'confirmed', 'reserved')) > 1
         OR count(*) FILTER (WHERE status IN ('pending-identity', 'registered', 'selected', 'confirmed', 'reserved')) > 1`,
  );
  return result('no participant in two classes of a programme', rows.map((row) => `participant ${row.participant} in programme ${row.programme}: ${row.classes} classes, ${row.active} active enrollments`));
}

/** What a participant must be told, by the enrollment event that tells it, and the message it becomes. */
export const CRITICAL_EVENTS: Record<string, string> = {
  EnrollmentRejected: 'enrollment-rejected',
  ParticipantSelected: 'selected',
  ParticipantReserved: 'waitlisted',
  ParticipantNotSelected: 'not-selected',
  ReservePromoted: 'promoted',
  SeatExpired: 'seat-expired',
  ClassChangeOffered: 'class-change-offered',
  ParticipantMoved: 'participant-moved',
  ParticipantReleased: 'participant-released',
  CertificateIssued: 'certificate-issued',
  ParticipationLetterIssued: 'participation-letter-issued',
};

/**
 * Every critical event about a participant became exactly one sent delivery to that participant, and exactly one
 * message in the sinks (matched by delivery id), or was superseded by a later one about the same enrollment that was. Also answers how many enrollments got their messages in another
 * order than their events happened in (by the sinks' receive times).
 */
export async function toldExactlyOnce(state: ScenarioState): Promise<{ invariant: InvariantResult; ordering: OrderingFigure; critical: number }> {
  const { system } = state;
  const deliveries = await system.running.query<{ id: string; eventId: string; template: string; recipientId: string; status: string }>(
    'notification',
    `SELECT id, event_id AS "eventId", template, recipient_id AS "recipientId", status FROM deliveries WHERE recipient_kind = 'participant'`,
  );
  const owed = (eventId: string, template: string, participantId: string | undefined) => `${eventId}|${template}|${participantId}`;
  const byEvent = groupBy(deliveries, (delivery) => owed(delivery.eventId, delivery.template, delivery.recipientId));
  // When each delivery reached a sink: provider messages name it, emails carry it in a header.
  const caught = groupBy(
    [
      ...system.sinks.allProviderMessages().map((message) => ({ deliveryId: message.deliveryId, at: message.receivedAt })),
      ...system.sinks.allEmails().map((email) => ({ deliveryId: email.headers['x-sinergi-delivery-id'] ?? '', at: email.receivedAt })),
    ],
    (message) => message.deliveryId,
  );

  const violations: string[] = [];
  const timesByEnrollment = new Map<string, string[]>();
  let critical = 0;
  // A notice a decision moments later made stale (notification's supersede window) is told by that decision instead.
  const supersededOf = new Map<string, string>();
  for (const event of system.events<{ participantId?: string }>('enrollment.enrollments.v1')) {
    const template = CRITICAL_EVENTS[event.type];
    if (!template) continue;
    critical += 1;
    const participantId = event.data.participantId;
    const found = byEvent.get(owed(event.id, template, participantId)) ?? [];
    const sent = found.filter((delivery) => delivery.status === 'sent');
    const messages = found.flatMap((delivery) => (caught.get(delivery.id) ?? []).map((message) => message.at));
    if (found.length === 1 && found[0].status === 'superseded' && messages.length === 0) {
      supersededOf.set(event.subject, `${event.type} ${event.id}`);
      continue;
    }
    if (found.length !== 1 || sent.length !== 1 || messages.length !== 1) {
      violations.push(`${event.type} ${event.id} (enrollment ${event.subject}): ${found.length} deliveries, ${sent.length} sent, ${messages.length} messages caught`);
    }
    if (messages.length > 0) timesByEnrollment.set(event.subject, [...(timesByEnrollment.get(event.subject) ?? []), messages[0]]);
  }
  for (const [enrollment, event] of supersededOf) {
    if (!timesByEnrollment.has(enrollment)) violations.push(`${event} (enrollment ${enrollment}): superseded, and no later message told the participant`);
  }
  const outOfOrder = [...timesByEnrollment].filter(([, times]) => times.some((time, index) => index > 0 && time < times[index - 1])).map(([enrollment]) => enrollment);
  return {
    invariant: result('every participant told every critical thing exactly once', violations),
    ordering: { enrollmentsChecked: timesByEnrollment.size, outOfOrder: outOfOrder.length, examples: outOfOrder.slice(0, 5) },
    critical,
  };
}

/**
 * No NIK of the run's people appears in the services' logs, on any public topic, or in any message sent: every
 * 16-digit run in them is looked up among the NIKs.
 */
export function noNikLeaked(people: Person[], places: Record<string, string[]>): InvariantResult {
  const niks = new Set(people.map((someone) => someone.registration.nik));
  const leaks: string[] = [];
  for (const [place, texts] of Object.entries(places)) {
    let found = 0;
    // Every 16-digit window, overlapping ones included: a NIK inside a longer run of digits counts too.
    for (const text of texts) for (const [, digits] of text.matchAll(/(?=(\d{16}))/g)) if (niks.has(digits)) found += 1;
    if (found > 0) leaks.push(`${place}: ${found} NIK(s) in the clear`);
  }
  return result('no NIK in any log or on any public topic', leaks);
}

/** Figures that must add up: every enrollment accounted for, every seated participant given one document. */
export function countsAddUp(checks: Array<{ what: string; expected: number; actual: number }>): InvariantResult {
  return result('the counts add up', checks.filter((check) => check.expected !== check.actual).map((check) => `${check.what}: expected ${check.expected}, got ${check.actual}`));
}
