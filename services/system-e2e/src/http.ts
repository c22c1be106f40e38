import type { Page } from '@sinergi/contracts';
import { testAuthorization } from '@sinergi/testing';

/** One HTTP call to a service, as the test staff principal unless headers carry another token; the body parsed as JSON, typed as the caller expects (a view of `@sinergi/contracts`). */
export async function call<T = unknown>(
  method: string,
  url: string,
  body?: object,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: { ...(await testAuthorization(url)), ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

/** A call that must succeed (200 or 201); anything else fails the test with the service's answer. */
export async function expectCreated<T>(method: string, url: string, body: object, headers: Record<string, string> = {}): Promise<T> {
  const response = await call<T>(method, url, body, headers);
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`${method} ${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** Every item of a paged list (`{items, next}`), following `next` 200 items at a time. */
export async function allItems<T>(url: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = new URL(url);
    page.searchParams.set('limit', '200');
    if (cursor) page.searchParams.set('cursor', cursor);
    const response = await call<Page<T>>('GET', page.toString());
    if (response.status !== 200) throw new Error(`GET ${page} answered ${response.status}: ${JSON.stringify(response.body)}`);
    items.push(...response.body.items);
    cursor = response.body.next;
  } while (cursor);
  return items;
}
