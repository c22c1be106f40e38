import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpException } from '@nestjs/common';
import { generateInternalTokenKeys } from '@sinergi/contracts';
import { problemOfHttpException } from '@sinergi/platform';
import { InternalTokens } from './internal-tokens';
import { ServiceClient } from './service-client';

const TIMEOUT_MS = 300;

/** A fake service on a free port: `/fast` answers at once, `/slow` never in time, `/slow-body` sends its head at once and its body too late. */
function fakeService(): Promise<{ server: Server; url: string }> {
  const late = new Set<NodeJS.Timeout>();
  const server = createServer((request, response) => {
    const answerLater = (send: () => void) => late.add(setTimeout(send, TIMEOUT_MS * 5));
    if (request.url === '/fast') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'a1', authorized: Boolean(request.headers.authorization) }));
    } else if (request.url === '/slow') {
      answerLater(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    } else {
      response.writeHead(200, { 'content-type': 'application/json' }).write('{"items":');
      answerLater(() => response.end('[]}'));
    }
  });
  server.on('close', () => late.forEach(clearTimeout));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

async function failureOf(call: Promise<unknown>): Promise<HttpException> {
  try {
    await call;
  } catch (error) {
    if (error instanceof HttpException) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('ServiceClient: a service call that does not answer in time', () => {
  let fake: { server: Server; url: string };
  let client: ServiceClient;
  const principal = { subject: 'admin-1', roles: ['kemnaker-admin' as const], venueCodes: [] };

  beforeAll(async () => {
    fake = await fakeService();
    client = new ServiceClient('enrollment', fake.url, new InternalTokens(generateInternalTokenKeys().privateJwk), TIMEOUT_MS);
  });

  afterAll(async () => {
    fake.server.closeAllConnections();
    await new Promise((resolve) => fake.server.close(resolve));
  });

  it('passes a fast answer on, with the internal token', async () => {
    await expect(client.call({ principal, method: 'GET', path: '/fast' })).resolves.toEqual({
      status: 200,
      contentType: 'application/json',
      body: { id: 'a1', authorized: true },
    });
  });

  it.each(['/slow', '/slow-body'])('answers 504 answered-in-time naming the service when %s is too slow', async (path) => {
    const startedAt = Date.now();
    const failure = await failureOf(client.call({ principal, method: 'GET', path }));
    expect(Date.now() - startedAt).toBeLessThan(TIMEOUT_MS * 4);
    expect(problemOfHttpException(failure, `/api/v1${path}`)).toEqual(
      expect.objectContaining({
        status: 504,
        title: 'enrollment did not answer in time; try again shortly',
        errors: [{ field: 'service', rule: 'answered-in-time', message: `enrollment did not answer within ${TIMEOUT_MS} ms` }],
      }),
    );
  });

  it('answers 502 reachable for a service nobody listens at', async () => {
    const nowhere = new ServiceClient('program', 'http://127.0.0.1:9', new InternalTokens(generateInternalTokenKeys().privateJwk), TIMEOUT_MS);
    const failure = await failureOf(nowhere.call({ principal: null, method: 'GET', path: '/programmes' }));
    expect(problemOfHttpException(failure, '/api/v1/programmes')).toEqual(expect.objectContaining({ status: 502, errors: [expect.objectContaining({ field: 'service', rule: 'reachable' })] }));
  });
});
