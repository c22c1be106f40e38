import { EntityManager } from 'typeorm';

/** A column's PostgreSQL type, which the array parameter of its values is cast to. */
export type ColumnType = 'text' | 'uuid' | 'int' | 'double precision' | 'date' | 'timestamptz' | 'jsonb';

export type ColumnTypes = Readonly<Record<string, ColumnType>>;

/** One row: a value for each column (null for SQL NULL). */
export type RowOf<C extends ColumnTypes> = { readonly [column in keyof C]: unknown };

/** Rows per statement, which bounds one statement's size; a statement has one parameter a column whatever its rows. */
export const BULK_CHUNK_ROWS = 5_000;

/**
 * Rows as a FROM item of one parameter a column, so a statement's parameters do not grow with its rows (PostgreSQL
 * allows 65,535): `ROWS FROM (unnest($1::uuid[]), ...) WITH ORDINALITY AS <alias>(<columns>, ordinal)`. A jsonb
 * column goes as one JSON array rather than a text[] of JSON documents, which pg's client would escape one by one
 * at several times the CPU. `ordinal` is each row's place in the list, from 1. The parameters are numbered from
 * `firstParameter`, for a statement with parameters of its own before them.
 */
export function unnestRows<C extends ColumnTypes>(
  columns: C,
  rows: ReadonlyArray<RowOf<C>>,
  alias = 'row',
  firstParameter = 1,
): { from: string; parameters: unknown[] } {
  const names = Object.keys(columns);
  const expressions = names.map((name, index) =>
    columns[name] === 'jsonb'
      ? `jsonb_array_elements($${index + firstParameter}::jsonb)`
      : `unnest($${index + firstParameter}::${columns[name]}[])`,
  );
  const parameters = names.map((name) => {
    const values = rows.map((row) => row[name] ?? null);
    return columns[name] === 'jsonb' ? JSON.stringify(values) : values;
  });
  return { from: `ROWS FROM (${expressions.join(', ')}) WITH ORDINALITY AS ${alias}(${names.join(', ')}, ordinal)`, parameters };
}

/** Inserts any number of rows in the order given, BULK_CHUNK_ROWS a statement, in the caller's transaction. */
export async function insertRows<C extends ColumnTypes>(manager: EntityManager, table: string, columns: C, rows: ReadonlyArray<RowOf<C>>): Promise<void> {
  const names = Object.keys(columns).join(', ');
  for (const chunk of chunksOf(rows)) {
    const source = unnestRows(columns, chunk);
    await manager.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM ${source.from} ORDER BY ordinal`, source.parameters);
  }
}

/**
 * Sets the other columns of each row identified by its `key` column, BULK_CHUNK_ROWS a statement: one
 * `UPDATE ... FROM ROWS FROM (unnest(...))` instead of an UPDATE a row.
 */
export async function updateRows<C extends ColumnTypes>(
  manager: EntityManager,
  table: string,
  key: keyof C & string,
  columns: C,
  rows: ReadonlyArray<RowOf<C>>,
): Promise<void> {
  const assignments = Object.keys(columns)
    .filter((name) => name !== key)
    .map((name) => `${name} = row.${name}`)
    .join(', ');
  for (const chunk of chunksOf(rows)) {
    const source = unnestRows(columns, chunk);
    await manager.query(`UPDATE ${table} AS target SET ${assignments} FROM ${source.from} WHERE target.${key} = row.${key}`, source.parameters);
  }
}

function* chunksOf<T>(rows: ReadonlyArray<T>): Generator<ReadonlyArray<T>> {
  for (let start = 0; start < rows.length; start += BULK_CHUNK_ROWS) yield rows.slice(start, start + BULK_CHUNK_ROWS);
}
