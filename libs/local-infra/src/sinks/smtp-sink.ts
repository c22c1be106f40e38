import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { closeHttpServer, listen, sendJson } from './http-api';

/** An email as the sink received it. */
export interface CaughtEmail {
  id: string;
  receivedAt: string;
  /** The envelope's recipients (RCPT TO), lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  messageId?: string;
  /** Every header, names lower-cased. */
  headers: Record<string, string>;
}

export interface SmtpSinkOptions {
  host?: string;
  /** 0 picks a free port. */
  smtpPort?: number;
  httpPort?: number;
}

export interface SmtpSink {
  smtpUrl: string;
  /** GET /messages?to=<address> lists what arrived; DELETE /messages forgets it. */
  httpUrl: string;
  emails(filter?: { to?: string }): CaughtEmail[];
  close(): Promise<void>;
}

/** Recipients at these domains are refused, so that a test or a person can see a 5xx or a 4xx handled. */
export const REFUSING_DOMAIN = 'refuse.invalid';
export const DEFERRING_DOMAIN = 'defer.invalid';

/**
 * A local SMTP server that accepts every message (no TLS, any or no login) and keeps it in
 * memory, with a small HTTP API to read what arrived. For `npm start` and tests, never production.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const host = options.host ?? '127.0.0.1';
  const caught: CaughtEmail[] = [];
  // Loaded on first use: every suite that uses @sinergi/testing imports this library, few start a sink.
  const [{ SMTPServer }, { simpleParser }] = await Promise.all([import('smtp-server'), import('mailparser')]);

  const smtp = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1000,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onRcptTo: (address, _session, callback) => {
      const domain = address.address.split('@')[1]?.toLowerCase();
      if (domain === REFUSING_DOMAIN) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      if (domain === DEFERRING_DOMAIN) return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
      callback();
    },
    onData: (stream, session, callback) => {
      simpleParser(stream).then(
        (parsed) => {
          caught.push({
            id: randomUUID(),
            receivedAt: new Date().toISOString(),
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            messageId: parsed.messageId,
            headers: Object.fromEntries(parsed.headerLines.map(({ key }) => [key, headerText(parsed.headers.get(key))])),
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  smtp.on('error', () => undefined); // a client that drops its connection is not the sink's problem

  const emails = (filter: { to?: string } = {}) => {
    const to = filter.to?.toLowerCase();
    return caught.filter((email) => to === undefined || email.to.includes(to));
  };
  const http = createServer((request, response) => serveReadApi(request, response, emails, () => caught.splice(0)));

  const smtpPort = await listen(smtp.server, options.smtpPort ?? 1025, host, 'the SMTP sink', 'SINERGI_SMTP_SINK_PORT');
  const httpPort = await listen(http, options.httpPort ?? 8025, host, "the SMTP sink's HTTP API", 'SINERGI_MAIL_SINK_HTTP_PORT').catch(async (error: Error) => {
    await new Promise<void>((resolve) => smtp.close(resolve));
    throw error;
  });
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    httpUrl: `http://${host}:${httpPort}`,
    emails,
    close: async () => {
      await Promise.all([new Promise<void>((resolve) => smtp.close(resolve)), closeHttpServer(http)]);
    },
  };
}

function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  if (value && typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  return JSON.stringify(value);
}

function serveReadApi(request: IncomingMessage, response: ServerResponse, emails: (filter: { to?: string }) => CaughtEmail[], forget: () => void): void {
  const url = new URL(request.url ?? '/', 'http://sink');
  if (url.pathname !== '/messages') return sendJson(response, 404, { error: 'GET /messages?to=<address> or DELETE /messages' });
  if (request.method === 'GET') return sendJson(response, 200, { messages: emails({ to: url.searchParams.get('to') ?? undefined }) });
  if (request.method === 'DELETE') {
    forget();
    return void response.writeHead(204).end();
  }
  sendJson(response, 405, { error: 'GET /messages?to=<address> or DELETE /messages' });
}
