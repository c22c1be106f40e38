import { DataSource, MigrationInterface, MixedList } from 'typeorm';

/** Any constant works; every instance of every service uses it on its own database. */
const MIGRATION_LOCK_KEY = 7_301_947;

/**
 * Runs pending migrations under a session advisory lock, so that instances starting together
 * do not race to apply the same migration.
 */
export async function runMigrations(databaseUrl: string, migrations: MixedList<new () => MigrationInterface>): Promise<string[]> {
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, migrations, migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  const lockHolder = dataSource.createQueryRunner();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockHolder.release();
    await dataSource.destroy();
  }
}
