import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Page, PageParams } from '@sinergi/contracts';
import { decodeCursor, pageLimit, pageOf } from '../pagination';

export interface KeysetOrder<R> {
  /** The sort columns as the query builder names them (e.g. `batch.startsOn`), ending in a unique one. */
  columns: string[];
  /** The same key read off a fetched row, in the same order. */
  keyOf: (row: R) => (string | number)[];
  direction?: 'ASC' | 'DESC';
}

/**
 * One page of a list in a stable order by keyset (no OFFSET): rows after the cursor's key,
 * `limit + 1` of them so that the extra row tells whether there is a next page.
 */
export async function keysetPage<R extends ObjectLiteral, T>(
  query: SelectQueryBuilder<R>,
  params: PageParams,
  order: KeysetOrder<R>,
  view: (row: R) => T,
): Promise<Page<T>> {
  const limit = pageLimit(params);
  const direction = order.direction ?? 'ASC';
  if (params.cursor) {
    const key = decodeCursor(params.cursor, order.columns.length);
    const placeholders = key.map((_, index) => `:keyset${index}`);
    const values = Object.fromEntries(key.map((part, index) => [`keyset${index}`, part]));
    query.andWhere(`(${order.columns.join(', ')}) ${direction === 'ASC' ? '>' : '<'} (${placeholders.join(', ')})`, values);
  }
  order.columns.forEach((column, index) => (index === 0 ? query.orderBy(column, direction) : query.addOrderBy(column, direction)));
  const rows = await query.take(undefined).limit(limit + 1).getMany();
  return pageOf(rows, limit, order.keyOf, view);
}
