import { BadGatewayException, GatewayTimeoutException } from '@nestjs/common';
import { HttpMethod, PDF_CONTENT_TYPE, Principal, PROBLEM_CONTENT_TYPE, ServiceName } from '@sinergi/contracts';
import { childTraceparent, currentTraceContext } from '@sinergi/messaging';
import { InternalTokens } from './internal-tokens';

/** What a service answered: its status, content type and body, passed on to the gateway's caller unchanged. */
export interface ServiceAnswer<T = unknown> {
  status: number;
  contentType: string;
  /** JSON parsed, text as text, anything else (a PDF) as its bytes. */
  body: T;
  /** A file's `content-disposition` (its name), when the service sent one. */
  contentDisposition?: string;
}

export interface ServiceCall {
  /** The caller, or null for a public operation (no token is sent). */
  principal: Principal | null;
  method: HttpMethod;
  /** The service's path, with its query string. */
  path: string;
  body?: unknown;
  /** The caller's Idempotency-Key, passed on: a service may keep its own (enrollment does). */
  idempotencyKey?: string;
}

/**
 * A call to one service as the caller: an internal token of the caller's principal for this service (see
 * InternalTokens), and the request's correlation id and trace (a child span of the gateway's) along with it.
 * A service that has not answered in full within the timeout is given up on: 504, naming the service.
 */
export class ServiceClient {
  constructor(
    readonly service: ServiceName,
    private readonly baseUrl: string,
    private readonly tokens: InternalTokens,
    private readonly timeoutMs: number,
  ) {}

  async call<T = unknown>({ principal, method, path, body, idempotencyKey }: ServiceCall): Promise<ServiceAnswer<T>> {
    const trace = currentTraceContext();
    const headers: Record<string, string> = {
      accept: `application/json, ${PROBLEM_CONTENT_TYPE}, ${PDF_CONTENT_TYPE}`,
      ...(trace ? { 'x-correlation-id': trace.correlationId, traceparent: childTraceparent(trace.traceparent) } : {}),
      ...(principal ? { authorization: `Bearer ${await this.tokens.tokenFor(principal, this.service)}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    };
    const url = `${this.baseUrl.replace(/\/$/, '')}${path}`;
    try {
      const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(this.timeoutMs) });
      const contentType = response.headers.get('content-type') ?? 'application/json';
      const contentDisposition = response.headers.get('content-disposition') ?? undefined;
      return { status: response.status, contentType, body: (await bodyOf(response, contentType)) as T, ...(contentDisposition ? { contentDisposition } : {}) };
    } catch (error) {
      throw (error as { name?: unknown } | undefined)?.name === 'TimeoutError' ? this.timedOut() : this.unreachable();
    }
  }

  private unreachable(): BadGatewayException {
    return new BadGatewayException({
      message: `${this.service} cannot be reached; try again shortly`,
      errors: [{ field: 'service', rule: 'reachable', message: `${this.service} did not answer` }],
    });
  }

  private timedOut(): GatewayTimeoutException {
    return new GatewayTimeoutException({
      message: `${this.service} did not answer in time; try again shortly`,
      errors: [{ field: 'service', rule: 'answered-in-time', message: `${this.service} did not answer within ${this.timeoutMs} ms` }],
    });
  }
}

/** JSON parsed, text as it is, and a binary body (a PDF) as its bytes, unchanged. */
async function bodyOf(response: Response, contentType: string): Promise<unknown> {
  if (/json/.test(contentType)) {
    const text = await response.text();
    return text ? JSON.parse(text) : text;
  }
  if (/^text\//.test(contentType) || !contentType) return response.text();
  return Buffer.from(await response.arrayBuffer());
}
