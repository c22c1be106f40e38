import { BadGatewayException, GatewayTimeoutException, OnModuleDestroy } from '@nestjs/common';
import { HttpMethod, PDF_CONTENT_TYPE, Principal, PROBLEM_CONTENT_TYPE, ServiceName } from '@sinergi/contracts';
import { childTraceparent, currentTraceContext } from '@sinergi/messaging';
import { KeptAliveHttp } from '@sinergi/platform';
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
 * Calls go through KeptAliveHttp (node:http on kept-alive connections), not fetch: fetch cost the gateway about four
 * times the CPU per call, and every public request is one call or more.
 */
export class ServiceClient implements OnModuleDestroy {
  private readonly http: KeptAliveHttp;

  constructor(
    readonly service: ServiceName,
    baseUrl: string,
    private readonly tokens: InternalTokens,
    private readonly timeoutMs: number,
  ) {
    this.http = new KeptAliveHttp(baseUrl);
  }

  async call<T = unknown>({ principal, method, path, body, idempotencyKey }: ServiceCall): Promise<ServiceAnswer<T>> {
    const trace = currentTraceContext();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {
      accept: `application/json, ${PROBLEM_CONTENT_TYPE}, ${PDF_CONTENT_TYPE}`,
      ...(trace ? { 'x-correlation-id': trace.correlationId, traceparent: childTraceparent(trace.traceparent) } : {}),
      ...(principal ? { authorization: `Bearer ${await this.tokens.tokenFor(principal, this.service)}` } : {}),
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    };
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const answer = await this.http.request(method, path, headers, payload, signal);
      const contentType = answer.headers['content-type'] ?? 'application/json';
      const contentDisposition = answer.headers['content-disposition'];
      return { status: answer.status, contentType, body: bodyOf(answer.body, contentType) as T, ...(contentDisposition ? { contentDisposition } : {}) };
    } catch {
      throw signal.aborted ? this.timedOut() : this.unreachable();
    }
  }

  onModuleDestroy(): void {
    this.http.close();
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
function bodyOf(body: Buffer, contentType: string): unknown {
  if (/json/.test(contentType)) {
    const text = body.toString('utf8');
    return text ? JSON.parse(text) : text;
  }
  if (/^text\//.test(contentType) || !contentType) return body.toString('utf8');
  return body;
}
