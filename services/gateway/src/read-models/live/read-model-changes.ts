import { DASHBOARD_CHANGE_KINDS, DashboardChange, DashboardChangeKind } from '@sinergi/contracts';
import { Queryable } from '../projection-tables';

/** The PostgreSQL channel the read models announce their committed changes on. */
export const READ_MODEL_CHANGES_CHANNEL = 'sinergi_read_models';

/** Which kind of change each projected event type makes. */
const KIND_OF_EVENT: Readonly<Record<string, DashboardChangeKind>> = {
  BatchPlanned: 'classes',
  BatchConfirmed: 'classes',
  BatchPlanningFailed: 'classes',
  BatchCancelled: 'classes',
  BatchRescheduled: 'classes',
  BatchStarted: 'classes',
  BatchCompleted: 'classes',
  BatchClosed: 'classes',
  BatchFillChanged: 'enrollments',
  NotificationDelivered: 'notifications',
  NotificationFailed: 'notifications',
};

/**
 * Announces what a projected event changed, in the caller's transaction: PostgreSQL delivers a NOTIFY only once
 * that commits, so a listener never hears of a change it cannot read yet. A class's change names its programme,
 * province and venue as its row holds them after the event (a fill event carries no venue of its own).
 */
export async function announceChange(db: Queryable, schema: string, eventType: string, data: { batchId?: string }): Promise<void> {
  const kind = KIND_OF_EVENT[eventType];
  if (!kind) return;
  if (kind === 'classes' || kind === 'enrollments') {
    await db.query(
      `SELECT pg_notify($1, json_strip_nulls(json_build_object(
                'kind', $2::text, 'batchId', batch_id, 'programmeId', programme_id, 'provinceCode', province_code, 'venueCode', venue_code))::text)
         FROM ${schema}.classes WHERE batch_id = $3`,
      [READ_MODEL_CHANGES_CHANNEL, kind, data.batchId],
    );
    return;
  }
  await notify(db, { kind });
}

/**
 * What an announcement is the same as, within one transaction: the notifications kind carries nothing but its kind,
 * and a class's fill change carries the ids its row holds, which fill events do not change. PostgreSQL delivers one
 * of identical payloads of a transaction anyway, so a run of events announces each of these once. Undefined: a
 * class's own change (it may move the class to another venue), announced every time.
 */
export function announcementKey(eventType: string, data: { batchId?: string }): string | undefined {
  const kind = KIND_OF_EVENT[eventType];
  if (kind === 'notifications') return kind;
  if (kind === 'enrollments') return `${kind}:${data.batchId}`;
  return undefined;
}

export async function notify(db: Queryable, change: DashboardChange): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [READ_MODEL_CHANGES_CHANNEL, JSON.stringify(change)]);
}

const ID_FIELDS = ['programmeId', 'provinceCode', 'batchId', 'venueCode'] as const;

/** A NOTIFY payload as a change, or undefined for anything else (the channel is the database's, anyone may write to it). */
export function changeOfPayload(payload: string | undefined): DashboardChange | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload ?? '');
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const candidate = parsed as Record<string, unknown>;
  if (!DASHBOARD_CHANGE_KINDS.includes(candidate.kind as DashboardChangeKind)) return undefined;
  const change: DashboardChange = { kind: candidate.kind as DashboardChangeKind };
  for (const field of ID_FIELDS) {
    if (typeof candidate[field] === 'string') change[field] = candidate[field];
  }
  return change;
}

/** Two changes as one: the ids both share, so that a coalesced change never names what only one of them touched. */
export function mergeChanges(first: DashboardChange, second: DashboardChange): DashboardChange {
  const merged: DashboardChange = { kind: first.kind };
  for (const field of ID_FIELDS) {
    if (first[field] !== undefined && first[field] === second[field]) merged[field] = first[field];
  }
  return merged;
}
