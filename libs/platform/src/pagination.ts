import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Page, PAGE_LIMIT, PageParams } from '@sinergi/contracts';
import { InvalidInput } from './errors';

/** `?limit=&cursor=` of a list; a list's own query class extends it with its filters. */
export class PageQuery implements PageParams {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: `limit must be between 1 and ${PAGE_LIMIT.max}` })
  @Max(PAGE_LIMIT.max, { message: `limit must be between 1 and ${PAGE_LIMIT.max}` })
  limit?: number;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,512}$/, { message: 'cursor must be the next value of a previous page, unchanged' })
  cursor?: string;
}

/** The sort key of the last item of a page, as an opaque cursor. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key a cursor carries; InvalidInput (field `cursor`) when it was not made by encodeCursor with this many parts. */
export function decodeCursor(cursor: string, parts: number): Array<string | number> {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === parts && key.every((part) => typeof part === 'string' || typeof part === 'number')) return key;
  } catch {
    // answered below
  }
  throw new InvalidInput({ field: 'cursor', rule: 'valid-cursor', message: 'cursor must be the next value of a previous page, unchanged' });
}

/**
 * A page from rows fetched with `LIMIT limit + 1` in the list's sort order: the extra row only says there is more.
 * `keyOf` gives a row's sort key (ending in a unique column, so the order is total).
 */
export function pageOf<R, T>(rows: R[], limit: number, keyOf: (row: R) => (string | number)[], view: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const next = rows.length > limit && items.length > 0 ? encodeCursor(keyOf(items[items.length - 1])) : undefined;
  return next ? { items: items.map(view), next } : { items: items.map(view) };
}

export function pageLimit(query: PageParams): number {
  return query.limit ?? PAGE_LIMIT.default;
}
