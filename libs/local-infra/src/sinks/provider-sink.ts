import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, closeHttpServer, listen, readBody, sendJson } from './http-api';

/** A message as the provider sink accepted it. */
export interface CaughtProviderMessage {
  providerMessageId: string;
  receivedAt: string;
  idempotencyKey: string;
  deliveryId: string;
  channel: 'sms' | 'whatsapp';
  to: string;
  text: string;
  language: 'id' | 'en';
}

export interface ProviderFault {
  /** How many of the next POST /messages fail. */
  failNext: number;
  /** The status they answer; default 503. */
  status?: number;
  /** How long each waits before answering, to provoke a sender's timeout; default 0. */
  delayMs?: number;
}

export interface ProviderSinkOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The HMAC key requests must be signed with (MESSAGING_PROVIDER_SECRET). */
  secret: string;
}

export interface ProviderSink {
  /** MESSAGING_PROVIDER_URL. */
  url: string;
  messages(filter?: { to?: string }): CaughtProviderMessage[];
  /** Every POST /messages that reached the sink, accepted or not (for asserting on retries). */
  requestCount(): number;
  injectFault(fault: ProviderFault): void;
  close(): Promise<void>;
}

const SIGNATURE_TOLERANCE_SECONDS = 300;
const MAX_BODY_BYTES = 64 * 1024;
const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * A local stand-in for an SMS/WhatsApp provider that speaks the webhook contract of
 * services/notification/README.md ("Channels"): it checks the signature as any receiver
 * must (written here from the contract, not shared with the sender, so a drift shows),
 * answers a repeated Idempotency-Key with the first answer, keeps every message, and fails
 * on request (POST /faults). For `npm start` and tests, never production.
 */
export async function startProviderSink(options: ProviderSinkOptions): Promise<ProviderSink> {
  const host = options.host ?? '127.0.0.1';
  const caught: CaughtProviderMessage[] = [];
  const byIdempotencyKey = new Map<string, CaughtProviderMessage>();
  const pendingDelays = new Set<NodeJS.Timeout>();
  let fault: Required<ProviderFault> = { failNext: 0, status: 503, delayMs: 0 };
  let requests = 0;

  const messages = (filter: { to?: string } = {}) => caught.filter((message) => filter.to === undefined || message.to === filter.to);
  const injectFault = (next: ProviderFault) => {
    fault = { failNext: next.failNext, status: next.status ?? 503, delayMs: next.delayMs ?? 0 };
  };

  const receive = async (request: IncomingMessage, response: ServerResponse, rawBody: string) => {
    requests += 1;
    if (fault.failNext > 0) {
      fault.failNext -= 1;
      const { status, delayMs } = fault;
      if (delayMs > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => (pendingDelays.delete(timer), resolve()), delayMs);
          pendingDelays.add(timer);
        });
      }
      return sendJson(response, status, { error: `injected fault: ${status}` });
    }
    const signature = checkSignature(header(request, 'x-sinergi-signature'), rawBody, options.secret);
    if (signature !== undefined) return sendJson(response, 401, { error: signature });
    const idempotencyKey = header(request, 'idempotency-key');
    if (!idempotencyKey) return sendJson(response, 400, { error: 'Idempotency-Key: required' });
    const seen = byIdempotencyKey.get(idempotencyKey);
    if (seen) return sendJson(response, 200, { providerMessageId: seen.providerMessageId });
    const parsed = parseMessage(rawBody);
    if (typeof parsed === 'string') return sendJson(response, 400, { error: parsed });
    const message: CaughtProviderMessage = { providerMessageId: randomUUID(), receivedAt: new Date().toISOString(), idempotencyKey, ...parsed };
    caught.push(message);
    byIdempotencyKey.set(idempotencyKey, message);
    sendJson(response, 202, { providerMessageId: message.providerMessageId });
  };

  const http = createServer((request, response) => {
    route(request, response).catch((error: Error) =>
      sendJson(response, error instanceof BodyTooLarge ? 413 : 500, { error: error.message }),
    );
  });
  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://sink');
    if (url.pathname === '/messages' && request.method === 'POST') return receive(request, response, await readBody(request, MAX_BODY_BYTES));
    if (url.pathname === '/messages' && request.method === 'GET') {
      return sendJson(response, 200, { messages: messages({ to: url.searchParams.get('to') ?? undefined }) });
    }
    if (url.pathname === '/messages' && request.method === 'DELETE') {
      caught.splice(0);
      byIdempotencyKey.clear();
      return void response.writeHead(204).end();
    }
    if (url.pathname === '/faults' && request.method === 'POST') {
      const parsed = parseFault(await readBody(request, MAX_BODY_BYTES));
      if (typeof parsed === 'string') return sendJson(response, 400, { error: parsed });
      injectFault(parsed);
      return sendJson(response, 200, fault);
    }
    sendJson(response, 404, { error: 'POST /messages (signed), GET /messages?to=<E.164>, DELETE /messages, POST /faults {failNext, status, delayMs}' });
  };

  const port = await listen(http, options.port ?? 8026, host, 'the messaging provider sink', 'SINERGI_PROVIDER_SINK_PORT');
  return {
    url: `http://${host}:${port}`,
    messages,
    requestCount: () => requests,
    injectFault,
    close: async () => {
      for (const timer of pendingDelays) clearTimeout(timer);
      await closeHttpServer(http);
    },
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The contract's verification steps; undefined when the signature is good, else why not. */
function checkSignature(headerValue: string | undefined, rawBody: string, secret: string): string | undefined {
  const fields = new Map((headerValue ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const timestamp = Number(fields.get('t'));
  const given = fields.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return 'X-Sinergi-Signature: must be t=<unix seconds>,v1=<64 hex digits>';
  if (Math.abs(Date.now() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return `X-Sinergi-Signature: t is more than ${SIGNATURE_TOLERANCE_SECONDS} s from now`;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex')) ? undefined : 'X-Sinergi-Signature: does not match the body';
}

function parseMessage(rawBody: string): Omit<CaughtProviderMessage, 'providerMessageId' | 'receivedAt' | 'idempotencyKey'> | string {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(rawBody) as Record<string, unknown>;
  } catch {
    return 'the body must be JSON';
  }
  if (typeof body.deliveryId !== 'string' || body.deliveryId === '') return 'deliveryId: must be a non-empty string';
  if (body.channel !== 'sms' && body.channel !== 'whatsapp') return 'channel: must be sms or whatsapp';
  if (typeof body.to !== 'string' || !E164.test(body.to)) return 'to: must be a phone number in E.164, e.g. +6281234567890';
  if (typeof body.text !== 'string' || body.text === '') return 'text: must be a non-empty string';
  if (body.language !== 'id' && body.language !== 'en') return 'language: must be id or en';
  return { deliveryId: body.deliveryId, channel: body.channel, to: body.to, text: body.text, language: body.language };
}

function parseFault(rawBody: string): ProviderFault | string {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(rawBody) as Record<string, unknown>;
  } catch {
    return 'the body must be JSON: {"failNext": 3, "status": 503, "delayMs": 0}';
  }
  const { failNext, status = 503, delayMs = 0 } = body;
  if (!Number.isInteger(failNext) || (failNext as number) < 0) return 'failNext: must be a whole number, 0 or more';
  if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) return 'status: must be an HTTP error status, 400 to 599';
  if (!Number.isInteger(delayMs) || (delayMs as number) < 0 || (delayMs as number) > 120_000) return 'delayMs: must be between 0 and 120000';
  return { failNext: failNext as number, status: status as number, delayMs: delayMs as number };
}
