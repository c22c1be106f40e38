/**
 * Every list of the HTTP APIs pages by cursor: `?limit=` (1-200, default 50) and `?cursor=` (the `next` of the
 * previous page, opaque). Items come in a stable order each list documents; `next` is absent on the last page.
 */
export interface PageParams {
  /**
   * How many items, 1-200 (default 50).
   * @TJS-type integer
   * @minimum 1
   * @maximum 200
   * @default 50
   */
  limit?: number;
  /** The previous page's `next`. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  next?: string;
}

export const PAGE_LIMIT = { default: 50, max: 200 } as const;
