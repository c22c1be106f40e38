import { EntityManager } from 'typeorm';
import { withSavepoint } from './savepoint';

/** Records the statements withSavepoint sends; the work's own statements are not its concern. */
function recordingManager(): { manager: EntityManager; statements: string[] } {
  const statements: string[] = [];
  const manager = { query: async (sql: string) => void statements.push(sql) } as unknown as EntityManager;
  return { manager, statements };
}

describe('withSavepoint', () => {
  it('keeps the step and returns the result when it succeeds, with no statement more (the savepoint ends with the transaction)', async () => {
    const { manager, statements } = recordingManager();
    expect(await withSavepoint(manager, 'hold_room', async () => 'held')).toBe('held');
    expect(statements).toEqual(['SAVEPOINT hold_room']);
  });

  it('rolls back to the savepoint, and still returns the result, when keep refuses it', async () => {
    const { manager, statements } = recordingManager();
    expect(await withSavepoint(manager, 'try_instructor', async () => null, (result) => result !== null)).toBeNull();
    expect(statements).toEqual(['SAVEPOINT try_instructor', 'ROLLBACK TO SAVEPOINT try_instructor']);
  });

  it('rolls back to the savepoint and rethrows when the step throws', async () => {
    const { manager, statements } = recordingManager();
    const refusal = new Error('seat taken');
    await expect(withSavepoint(manager, 'enroll', () => Promise.reject(refusal))).rejects.toBe(refusal);
    expect(statements).toEqual(['SAVEPOINT enroll', 'ROLLBACK TO SAVEPOINT enroll']);
  });

  it('refuses a name that is not a plain identifier, before sending anything', async () => {
    const { manager, statements } = recordingManager();
    await expect(withSavepoint(manager, 'x; DROP TABLE outbox', async () => 1)).rejects.toThrow('must be lower-case letters, digits and _');
    expect(statements).toEqual([]);
  });
});
