import { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@sinergi/testing';
import { withSavepoint } from '../src';

/** Steps in savepoints on a real PostgreSQL: what each kept, refused or failed step leaves in the transaction. */
describe('withSavepoint on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('platform_savepoints');
    dataSource = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 2 } }).initialize();
    await dataSource.query('CREATE TABLE steps (name text PRIMARY KEY)');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const insert = (manager: EntityManager, name: string) => manager.query('INSERT INTO steps (name) VALUES ($1)', [name]);
  const names = async () =>
    (await dataSource.query<Array<{ name: string }>>('SELECT name FROM steps ORDER BY name')).map((row) => row.name);

  it('commits the kept steps of a transaction and none of the refused or failed ones, whatever their names', async () => {
    await dataSource.transaction(async (manager) => {
      await withSavepoint(manager, 'step', () => insert(manager, 'a kept'));
      await withSavepoint(
        manager,
        'step',
        () => insert(manager, 'b refused'),
        () => false,
      );
      await expect(withSavepoint(manager, 'step', () => insert(manager, 'a kept'))).rejects.toThrow(/duplicate key/);
      await withSavepoint(manager, 'step', () => insert(manager, 'c kept after a failure'));
      await withSavepoint(manager, 'other', async () => {
        await insert(manager, 'd inner refused');
        throw new Error('refused');
      }).catch(() => undefined);
    });
    expect(await names()).toEqual(['a kept', 'c kept after a failure']);
  });

  it('undoes kept steps with a rollback to an outer savepoint', async () => {
    await dataSource.transaction(async (manager) => {
      await withSavepoint(
        manager,
        'chunk',
        async () => {
          await withSavepoint(manager, 'record', () => insert(manager, 'e kept inside a refused chunk'));
          await withSavepoint(manager, 'record', () => insert(manager, 'f kept inside a refused chunk'));
        },
        () => false,
      );
      await insert(manager, 'g after the chunk');
    });
    expect(await names()).toEqual(['a kept', 'c kept after a failure', 'g after the chunk']);
  });
});
