import {
  BatchCancelled,
  BatchConfirmed,
  BatchFillChanged,
  BatchLifecycleStep,
  BatchPlanned,
  BatchPlanningFailed,
  BatchRescheduled,
  BatchStatus,
  NotificationDelivered,
  NotificationFailed,
} from '@sinergi/contracts';
import { Queryable } from './projection-tables';

/**
 * How far along its saga a status is. An update only moves a class forward, so a replay, a duplicate or
 * a late event never takes it back; failed and cancelled end the saga from any step.
 */
const STATUS_RANK: Record<BatchStatus, number> = { planned: 1, confirmed: 2, running: 3, completed: 4, closed: 5, failed: 6, cancelled: 6 };

/** Moves a class to a status (creating its row if its other events have not come yet) unless it is already as far. */
async function advanceStatus(db: Queryable, schema: string, batchId: string, programmeId: string, status: BatchStatus): Promise<void> {
  await db.query(
    `INSERT INTO ${schema}.classes (batch_id, programme_id, status, status_rank) VALUES ($1, $2, $3, $4)
     ON CONFLICT (batch_id) DO UPDATE SET status = EXCLUDED.status, status_rank = EXCLUDED.status_rank, programme_id = EXCLUDED.programme_id
       WHERE ${schema}.classes.status_rank < EXCLUDED.status_rank`,
    [batchId, programmeId, status, STATUS_RANK[status]],
  );
}

/** The class's facts from a plan or a confirmation; they never depend on which of the two came first. */
async function upsertClassFacts(db: Queryable, schema: string, batch: BatchPlanned | BatchConfirmed): Promise<void> {
  const confirmed = 'instructorId' in batch ? batch : undefined;
  await db.query(
    `INSERT INTO ${schema}.classes (batch_id, programme_id, province_code, module_code, venue_code, room_code, instructor_id,
                                    start_date, end_date, seats, reserves, minimum_quorum, confirm_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (batch_id) DO UPDATE SET
       programme_id = EXCLUDED.programme_id, province_code = EXCLUDED.province_code, module_code = EXCLUDED.module_code,
       venue_code = EXCLUDED.venue_code,
       room_code = COALESCE(EXCLUDED.room_code, ${schema}.classes.room_code),
       instructor_id = COALESCE(EXCLUDED.instructor_id, ${schema}.classes.instructor_id),
       -- a reschedule (same topic, so after the plan and the confirmation) has the last word on dates
       start_date = COALESCE(${schema}.classes.start_date, EXCLUDED.start_date),
       end_date = COALESCE(${schema}.classes.end_date, EXCLUDED.end_date),
       seats = COALESCE(${schema}.classes.seats, EXCLUDED.seats),
       reserves = COALESCE(${schema}.classes.reserves, EXCLUDED.reserves),
       minimum_quorum = COALESCE(${schema}.classes.minimum_quorum, EXCLUDED.minimum_quorum),
       confirm_by = EXCLUDED.confirm_by`,
    [
      batch.batchId,
      batch.programmeId,
      batch.provinceCode,
      batch.moduleCode,
      batch.venueCode,
      confirmed?.roomCode ?? null,
      confirmed?.instructorId ?? null,
      batch.startDate,
      batch.endDate,
      batch.seats,
      batch.reserves,
      batch.minimumQuorum,
      batch.confirmBy,
    ],
  );
}

async function reschedule(db: Queryable, schema: string, batch: BatchRescheduled): Promise<void> {
  await db.query(
    `INSERT INTO ${schema}.classes (batch_id, programme_id, start_date, end_date) VALUES ($1, $2, $3, $4)
     ON CONFLICT (batch_id) DO UPDATE SET start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date`,
    [batch.batchId, batch.programmeId, batch.startDate, batch.endDate],
  );
}

/** A fill event carries the whole count, so the last one of the class (its topic keeps a class's order) wins. */
async function fill(db: Queryable, schema: string, batch: BatchFillChanged): Promise<void> {
  await db.query(
    `INSERT INTO ${schema}.classes (batch_id, programme_id, seats, reserves, minimum_quorum, selected, confirmed, reserved, quorum_met)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (batch_id) DO UPDATE SET
       seats = EXCLUDED.seats, reserves = EXCLUDED.reserves, minimum_quorum = EXCLUDED.minimum_quorum,
       selected = EXCLUDED.selected, confirmed = EXCLUDED.confirmed, reserved = EXCLUDED.reserved, quorum_met = EXCLUDED.quorum_met`,
    [batch.batchId, batch.programmeId, batch.seats, batch.reserves, batch.minimumQuorum, batch.selected, batch.confirmed, batch.reserved, batch.quorumMet],
  );
}

/**
 * One row per delivery; a delivered outcome is final, a failure never overwrites it. `at`: when it was delivered
 * (deliveredAt) or given up on (the failure event's time).
 */
async function notificationOutcome(
  db: Queryable,
  schema: string,
  delivery: NotificationDelivered | NotificationFailed,
  outcome: 'delivered' | 'failed',
  at: string,
): Promise<void> {
  await db.query(
    `INSERT INTO ${schema}.notification_outcomes (delivery_id, channel, recipient_kind, template, outcome, attempts, outcome_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (delivery_id) DO UPDATE SET channel = EXCLUDED.channel, outcome = EXCLUDED.outcome, attempts = EXCLUDED.attempts,
       outcome_at = EXCLUDED.outcome_at
       WHERE ${schema}.notification_outcomes.outcome <> 'delivered'`,
    [delivery.deliveryId, delivery.channel ?? null, delivery.recipientKind, delivery.template, outcome, delivery.attempts, at],
  );
}

/** What a projection knows of the event besides its data: its CloudEvents time. */
export interface ProjectedEvent {
  type: string;
  time: string;
  data: unknown;
}

type Projection = (db: Queryable, schema: string, data: never, event: ProjectedEvent) => Promise<void>;

/** Every event type the read models follow and what it does to them; the live handlers and the rebuild both use it. */
export const PROJECTIONS: Record<string, Projection> = {
  BatchPlanned: async (db, schema, batch: BatchPlanned) => {
    await upsertClassFacts(db, schema, batch);
    await advanceStatus(db, schema, batch.batchId, batch.programmeId, 'planned');
  },
  BatchConfirmed: async (db, schema, batch: BatchConfirmed) => {
    await upsertClassFacts(db, schema, batch);
    await advanceStatus(db, schema, batch.batchId, batch.programmeId, 'confirmed');
  },
  BatchPlanningFailed: (db, schema, batch: BatchPlanningFailed) => advanceStatus(db, schema, batch.batchId, batch.programmeId, 'failed'),
  BatchCancelled: (db, schema, batch: BatchCancelled) => advanceStatus(db, schema, batch.batchId, batch.programmeId, 'cancelled'),
  BatchStarted: (db, schema, batch: BatchLifecycleStep) => advanceStatus(db, schema, batch.batchId, batch.programmeId, 'running'),
  BatchCompleted: (db, schema, batch: BatchLifecycleStep) => advanceStatus(db, schema, batch.batchId, batch.programmeId, 'completed'),
  BatchClosed: (db, schema, batch: BatchLifecycleStep) => advanceStatus(db, schema, batch.batchId, batch.programmeId, 'closed'),
  BatchRescheduled: reschedule,
  BatchFillChanged: fill,
  NotificationDelivered: (db, schema, delivery: NotificationDelivered) => notificationOutcome(db, schema, delivery, 'delivered', delivery.deliveredAt),
  NotificationFailed: (db, schema, delivery: NotificationFailed, event) => notificationOutcome(db, schema, delivery, 'failed', event.time),
};

export async function project(db: Queryable, schema: string, event: ProjectedEvent): Promise<void> {
  await PROJECTIONS[event.type]?.(db, schema, event.data as never, event);
}
