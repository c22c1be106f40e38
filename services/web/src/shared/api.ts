import type { FieldError, Problem } from '@sinergi/contracts/http/problem';

/** The gateway's double-submit CSRF cookie and the header that must repeat it on every unsafe request. */
const CSRF_COOKIE = 'sinergi_csrf';
const CSRF_HEADER = 'X-CSRF-Token';

/** A refused or failed request: the gateway's problem+json, with the broken rules (field and rule) when it names them. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(describeProblem(problem));
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get errors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

export function describeProblem(problem: Problem): string {
  const rules = (problem.errors ?? []).map((error) => `${error.field}: ${error.rule}${error.message ? ` (${error.message})` : ''}`);
  return [problem.title, problem.detail, ...rules].filter(Boolean).join(' · ');
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Creating POSTs carry an Idempotency-Key; one per user action, so a retry of the same action is not done twice. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** `path?query` with the empty values left out. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function cookie(name: string): string | undefined {
  const prefix = `${name}=`;
  const entry = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return entry ? decodeURIComponent(entry.slice(prefix.length)) : undefined;
}

/** A same-origin call with the session cookie; unsafe methods repeat the CSRF cookie in its header. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    const csrf = cookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'include',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: String(error) });
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return { type: body.type ?? 'about:blank', title: body.title ?? response.statusText, status: response.status, ...body };
  } catch {
    return { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status, detail: text.slice(0, 200) || undefined };
  }
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, idempotencyKey?: string) => request<T>(path, { method: 'POST', body, idempotencyKey }),
};

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
