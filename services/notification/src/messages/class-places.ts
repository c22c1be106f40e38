import { SeatDecision } from '@sinergi/contracts';
import { EntityManager } from 'typeorm';

export type PlaceStatus = 'selected' | 'confirmed' | 'reserved' | 'gone';

/** A class as notification knows it when a place in it is recorded. */
export interface ClassAsItStands {
  startDate: string | null;
  status: string;
}

/**
 * Records a participant's place in a class under the class row's lock (the row created empty if program's events
 * have not arrived yet), so that a place and its class's BatchConfirmed/Rescheduled/Cancelled, handled at the same
 * time from their own topics, see each other: whichever commits second sees the first. Returns the class as it
 * stands. One statement: the class row it inserts, or the one it share-locks (a share lock, not a row update: the
 * places of one class, consumed from several partitions at once, do not queue or deadlock on their class's row,
 * while a change of the class still waits for them). A class row another transaction inserted after the statement
 * began is not in its snapshot: then it is read again, under the lock.
 */
export async function recordPlace(manager: EntityManager, place: SeatDecision, status: PlaceStatus): Promise<ClassAsItStands> {
  const [klass] = await manager.query<ClassAsItStands[]>(
    `WITH inserted AS (
       INSERT INTO classes (batch_id, programme_id) VALUES ($3, $5) ON CONFLICT (batch_id) DO NOTHING RETURNING start_date, status
     ), existing AS (
       SELECT start_date, status FROM classes WHERE batch_id = $3 FOR SHARE
     ), place AS (
       INSERT INTO class_places (enrollment_id, participant_id, batch_id, status) VALUES ($1, $2, $3, $4)
       ON CONFLICT (enrollment_id) DO UPDATE SET batch_id = EXCLUDED.batch_id, status = EXCLUDED.status
     )
     SELECT start_date::text AS "startDate", status FROM inserted UNION ALL SELECT start_date::text, status FROM existing`,
    [place.enrollmentId, place.participantId, place.batchId, status, place.programmeId],
  );
  return (
    klass ??
    (
      await manager.query<ClassAsItStands[]>(`SELECT start_date::text AS "startDate", status FROM classes WHERE batch_id = $1 FOR SHARE`, [
        place.batchId,
      ])
    )[0]
  );
}
