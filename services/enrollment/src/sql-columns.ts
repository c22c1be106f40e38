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

/** Inserts the row, or overwrites every column of the row with its primary key. */
export async function upsertEntity<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, row: T): Promise<void> {
  const metadata = manager.connection.getMetadata(entity);
  const names = metadata.columns.map((column) => column.databaseName);
  const keys = metadata.primaryColumns.map((column) => column.databaseName);
  const values = metadata.columns.map((column) => {
    const value: unknown = row[column.propertyName];
    return column.type === 'jsonb' ? JSON.stringify(value) : value;
  });
  await manager.query(
    `INSERT INTO ${metadata.tableName} (${names.join(', ')}) VALUES (${names.map((_, index) => `$${index + 1}`).join(', ')})
     ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${names
       .filter((name) => !keys.includes(name))
       .map((name) => `${name} = EXCLUDED.${name}`)
       .join(', ')}`,
    values,
  );
}
