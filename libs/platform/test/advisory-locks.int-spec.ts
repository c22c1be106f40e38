import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@sinergi/testing';
import { ADVISORY_LOCKS, lockForSession, lockUntilTransactionEnds } from '../src';

/** Whether `step` is still waiting after a moment: it is blocked on a lock. */
async function stillWaiting(step: Promise<unknown>): Promise<boolean> {
  const moment = new Promise((resolve) => setTimeout(() => resolve('waiting'), 300));
  return (await Promise.race([step.then(() => 'done'), moment])) === 'waiting';
}

describe('named advisory locks on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('platform_locks');
    dataSource = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 4 } }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('makes a second transaction on the same thing wait until the first commits, and lets one on another thing through', async () => {
    let commitFirst!: () => void;
    let firstHolds!: () => void;
    const holding = new Promise<void>((resolve) => (firstHolds = resolve));
    const first = dataSource.transaction(async (manager) => {
      await lockUntilTransactionEnds(manager, ADVISORY_LOCKS.classStaffing, 'batch-1');
      firstHolds();
      await new Promise<void>((resolve) => (commitFirst = resolve));
    });
    await holding;

    const other = dataSource.transaction((manager) => lockUntilTransactionEnds(manager, ADVISORY_LOCKS.classStaffing, 'batch-2'));
    expect(await stillWaiting(other)).toBe(false);

    const same = dataSource.transaction((manager) => lockUntilTransactionEnds(manager, ADVISORY_LOCKS.classStaffing, 'batch-1'));
    expect(await stillWaiting(same)).toBe(true);
    commitFirst();
    await first;
    await same;
  });

  it('holds a session lock across transactions until it is released', async () => {
    const holder = dataSource.createQueryRunner();
    try {
      const release = await lockForSession(holder, ADVISORY_LOCKS.migrations);
      const contender = dataSource.createQueryRunner();
      try {
        const waiting = lockForSession(contender, ADVISORY_LOCKS.migrations);
        expect(await stillWaiting(waiting)).toBe(true);
        await release();
        await (await waiting)();
      } finally {
        await contender.release();
      }
    } finally {
      await holder.release();
    }
  });
});
