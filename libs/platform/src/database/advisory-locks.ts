import { EntityManager, QueryRunner } from 'typeorm';

/**
 * Every advisory lock taken on a service database, by name. PostgreSQL derives a lock's key from its
 * name (`hashtextextended`), and that of a lock on one thing of a kind (one batch)
 * from the name and the thing's id, so no key is numbered by hand and two locks can only share one by
 * sharing a name. The outbox relay's lock, `messaging:outbox-relay`, is taken by libs/messaging, which
 * cannot import this library.
 */
export const ADVISORY_LOCKS = {
  /** Held by an instance while it applies migrations, so that instances starting together do not race. */
  migrations: 'platform:migrations',
  /** program: one bulk planning request at a time, so that two never plan into the same rooms. */
  bulkPlanning: 'program:bulk-planning',
  /** instructor-module, per batch: everything that changes a class's staffing (plan, release, withdrawal, reschedule). */
  classStaffing: 'instructor-module:batch',
  /**
   * venue-capacity, per room (`<venueCode>:<roomCode>`): a reservation being placed in the room, so that two never
   * insert into it at once (exclusion constraint checks of concurrent inserters wait on each other: a deadlock).
   */
  roomReservation: 'venue-capacity:room',
  /**
   * notification, per recipient (`<kind>:<id>`): a contact card being stored, against a delivery being recorded as
   * waiting for it, so that the card cannot arrive unseen in between (taken by notification's recipients trigger too).
   */
  recipientContact: 'notification:recipient-contact',
  /** gateway: shared by each read-model update, exclusive while a rebuild swaps its schema in. */
  readModels: 'gateway:read-models',
} as const;

export type AdvisoryLock = (typeof ADVISORY_LOCKS)[keyof typeof ADVISORY_LOCKS];

/** The text a lock's key is hashed from: its name, and the id of the one thing it is scoped to. */
export function advisoryLockText(lock: AdvisoryLock, scope?: string): string {
  return scope === undefined ? lock : `${lock}:${scope}`;
}

const KEY = 'hashtextextended($1, 0)';

/** Waits for the lock and holds it until the caller's transaction commits or rolls back. */
export async function lockUntilTransactionEnds(manager: EntityManager, lock: AdvisoryLock, scope?: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(${KEY})`, [advisoryLockText(lock, scope)]);
}

/** Like lockUntilTransactionEnds, but shared: any number of holders, none while someone holds it exclusively. */
export async function lockSharedUntilTransactionEnds(manager: EntityManager, lock: AdvisoryLock, scope?: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock_shared(${KEY})`, [advisoryLockText(lock, scope)]);
}

/** Waits for the lock and holds it on this connection, outside any transaction, until the returned release is called. */
export async function lockForSession(connection: QueryRunner, lock: AdvisoryLock): Promise<() => Promise<void>> {
  await connection.query(`SELECT pg_advisory_lock(${KEY})`, [lock]);
  return async () => {
    await connection.query(`SELECT pg_advisory_unlock(${KEY})`, [lock]);
  };
}
