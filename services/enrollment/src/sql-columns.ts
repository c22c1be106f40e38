import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/*
 * Raw statements for the hot paths, read and written as TypeORM would: building a query through TypeORM costs more
 * CPU than the database spends on it.
 */

/**
 * An entity's columns as a SELECT or RETURNING list of `table.column AS "property"`, so that a raw statement's rows
 * read as the entity does through TypeORM: dates as YYYY-MM-DD text, not the driver's midnight Date.
 */
export function entityColumns(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): string {
  const metadata = manager.connection.getMetadata(entity);
  return metadata.columns
    .map((column) => `${metadata.tableName}.${column.databaseName}${column.type === 'date' ? '::text' : ''} AS "${column.propertyName}"`)
    .join(', ');
}

/** The entity's rows that meet `condition` (which may end in a locking clause), e.g. `'id = $1 FOR UPDATE'`. */
export function selectEntities<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  condition: string,
  parameters: unknown[],
): Promise<T[]> {
  const { tableName } = manager.connection.getMetadata(entity);
  return manager.query(`SELECT ${entityColumns(manager, entity)} FROM ${tableName} WHERE ${condition}`, parameters);
}

/**
 * An INSERT of the rows, every column of the entity, with `suffix` after the VALUES (ON CONFLICT, RETURNING), and its
 * parameters. A row's columns take as many parameters: keep a statement's rows well under 65,535 of them.
 */
export function insertStatement<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: T[],
  suffix = '',
): [string, unknown[]] {
  const metadata = manager.connection.getMetadata(entity);
  const { columns } = metadata;
  const parameters = rows.flatMap((row) =>
    columns.map((column) => {
      const value: unknown = row[column.propertyName];
      return column.type === 'jsonb' ? JSON.stringify(value) : value;
    }),
  );
  const values = rows.map((_, row) => `(${columns.map((_, column) => `$${row * columns.length + column + 1}`).join(', ')})`);
  const names = columns.map((column) => column.databaseName).join(', ');
  return [`INSERT INTO ${metadata.tableName} (${names}) VALUES ${values.join(', ')} ${suffix}`, parameters];
}

/** Inserts the rows in one statement. */
export async function insertEntities<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  if (rows.length > 0) await manager.query(...insertStatement(manager, entity, rows));
}

/** An INSERT of the rows that overwrites every column of a row whose primary key exists, with `suffix` (RETURNING). */
export function upsertStatement<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[], suffix = ''): [string, unknown[]] {
  const metadata = manager.connection.getMetadata(entity);
  const keys = metadata.primaryColumns.map((column) => column.databaseName);
  const updates = metadata.columns
    .map((column) => column.databaseName)
    .filter((name) => !keys.includes(name))
    .map((name) => `${name} = EXCLUDED.${name}`);
  return insertStatement(manager, entity, rows, `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates.join(', ')} ${suffix}`);
}
