import { DataSource, MigrationInterface, MixedList } from 'typeorm';
import { ADVISORY_LOCKS, lockForSession } from './database/advisory-locks';

/**
 * Runs pending migrations under a session advisory lock, so that instances starting together
 * do not race to apply the same migration.
 */
export async function runMigrations(databaseUrl: string, migrations: MixedList<new () => MigrationInterface>): Promise<string[]> {
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, migrations, migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  const lockHolder = dataSource.createQueryRunner();
  try {
    const release = await lockForSession(lockHolder, ADVISORY_LOCKS.migrations);
    try {
      const applied = await dataSource.runMigrations();
      return applied.map((migration) => migration.name);
    } finally {
      await release().catch(() => undefined);
    }
  } finally {
    await lockHolder.release();
    await dataSource.destroy();
  }
}
