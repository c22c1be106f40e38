import { EntityManager, EntityTarget } from 'typeorm';

/**
 * An entity's columns as a SELECT or RETURNING list of `table.column AS "property"`, so that a raw statement's rows
 * read as the entity does through TypeORM: dates as YYYY-MM-DD text, not the driver's midnight Date.
 */
export function entityColumns(manager: EntityManager, entity: EntityTarget<object>, table: string): string {
  return manager.connection
    .getMetadata(entity)
    .columns.map((column) => `${table}.${column.databaseName}${column.type === 'date' ? '::text' : ''} AS "${column.propertyName}"`)
    .join(', ');
}
