import type { NextFunction, Request, Response } from 'express';
import { apiSessionMiddleware } from './api-session.middleware';
import { BrowserSession, BrowserSessions } from './browser-sessions';
import { SessionAccess } from './session-access';

const SESSION: BrowserSession = {
  id: 'session-1',
  csrfToken: 'csrf-1',
  tokens: { accessToken: 'access-1', refreshToken: 'refresh-1', accessExpiresAt: new Date(Date.now() + 600_000) },
};

function run(request: Partial<Request>): Promise<{ request: Request; status?: number; body?: string; nextCalled: boolean }> {
  const sessions = { find: async (id: string | undefined) => (id === SESSION.id ? SESSION : undefined) } as unknown as BrowserSessions;
  const access = { accessToken: async (session: BrowserSession) => session.tokens?.accessToken } as unknown as SessionAccess;
  const full = { method: 'GET', headers: {}, cookies: {}, ...request } as Request;
  return new Promise((resolve) => {
    const outcome: { status?: number; body?: string } = {};
    const response = {
      status(code: number) {
        outcome.status = code;
        return this;
      },
      type() {
        return this;
      },
      send(body: string) {
        outcome.body = body;
        resolve({ request: full, ...outcome, nextCalled: false });
        return this;
      },
    } as unknown as Response;
    const next: NextFunction = () => resolve({ request: full, nextCalled: true });
    void apiSessionMiddleware(sessions, access)(full, response, next);
  });
}

describe('the /api session middleware', () => {
  it("turns a session cookie into the session's bearer token", async () => {
    const { request, nextCalled } = await run({ cookies: { sinergi_session: 'session-1' } });
    expect(nextCalled).toBe(true);
    expect(request.headers.authorization).toBe('Bearer access-1');
  });

  it('leaves a request alone that brings its own Authorization header, or no known session', async () => {
    const own = await run({ cookies: { sinergi_session: 'session-1' }, headers: { authorization: 'Bearer mine' } });
    expect(own.request.headers.authorization).toBe('Bearer mine');
    const unknown = await run({ cookies: { sinergi_session: 'nope' } });
    expect([unknown.nextCalled, unknown.request.headers.authorization]).toEqual([true, undefined]);
  });

  it('refuses an unsafe method whose X-CSRF-Token does not repeat the session token (403)', async () => {
    const refused = await run({ method: 'POST', cookies: { sinergi_session: 'session-1', sinergi_csrf: 'csrf-1' }, headers: {} });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body!).errors).toEqual([expect.objectContaining({ field: 'x-csrf-token', rule: 'csrf-token' })]);
    const allowed = await run({ method: 'POST', cookies: { sinergi_session: 'session-1', sinergi_csrf: 'csrf-1' }, headers: { 'x-csrf-token': 'csrf-1' } });
    expect(allowed.request.headers.authorization).toBe('Bearer access-1');
  });
});
