import { EntityManager } from 'typeorm';

const SAVEPOINT_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Runs one step of the caller's transaction in a savepoint. Its writes, and the locks it took, are kept
 * when `keep` accepts the result, and undone otherwise or when the step throws (the error is rethrown),
 * so that a refused step leaves the transaction usable for the next one. A step that catches a failed
 * statement itself (say, a constraint violation) must return a result that `keep` refuses.
 *
 * A kept step's savepoint is not released: it ends with the transaction (or with a rollback to an outer savepoint)
 * just as a released one would, and the RELEASE would be a round trip of its own on the hot paths (every
 * enrollment request). A later savepoint of the same name is a new one, and a rollback to the name goes to it.
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
  if (!keep(result)) await manager.query(`ROLLBACK TO SAVEPOINT ${name}`);
  return result;
}
