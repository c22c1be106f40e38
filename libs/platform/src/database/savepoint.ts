import { EntityManager } from 'typeorm';

const SAVEPOINT_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Runs one step of the caller's transaction in a savepoint. Its writes, and the locks it took, are kept
 * when `keep` accepts the result, and undone otherwise or when the step throws (the error is rethrown),
 * so that a refused step leaves the transaction usable for the next one. A step that catches a failed
 * statement itself (say, a constraint violation) must return a result that `keep` refuses.
 */
export async function withSavepoint<T>(
  manager: EntityManager,
  name: string,
  work: () => Promise<T>,
  keep: (result: T) => boolean = () => true,
): Promise<T> {
  if (!SAVEPOINT_NAME.test(name)) throw new Error(`savepoint name "${name}" must be lower-case letters, digits and _`);
  await manager.query(`SAVEPOINT ${name}`);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await manager.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
  await manager.query(keep(result) ? `RELEASE SAVEPOINT ${name}` : `ROLLBACK TO SAVEPOINT ${name}`);
  return result;
}
