import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { Problem } from '@sinergi/contracts';
import {
  CookieJar,
  createTopicNamespace,
  deleteTopicNamespace,
  followRedirects,
  freePort,
  pkcePair,
  ServiceUnderTest,
  signIn,
  signInBrowser,
  startServiceUnderTest,
  submitStaffLogin,
} from '@sinergi/testing';
import { DataSource } from 'typeorm';
import { gatewayService } from '../src/gateway.service-definition';
import { IdempotencyStore } from '../src/idempotency/idempotency.store';
import { BrowserSessions } from '../src/identity/browser-sessions';
import { DashboardClient } from '../src/identity/dashboard-client';
import { ExpiredIdentityRows } from '../src/identity/expired-identity-rows';
import { LocalAccountSeed } from '../src/identity/local-accounts';
import { SessionAccess } from '../src/identity/session-access';
import { gatewayTestEnv } from './gateway-test-env';

const OPERATOR: LocalAccountSeed = { username: 'operator-bandung', password: 'correct horse battery staple', roles: ['venue-operator'], venueCodes: ['BBPVP-BDG'] };
const ADMIN: LocalAccountSeed = { username: 'admin-kemnaker', password: 'another long password', roles: ['kemnaker-admin'] };

describe('gateway: signing in with the embedded OpenID provider (real PostgreSQL)', () => {
  let gateway: ServiceUnderTest;
  let url: string;
  let prefix: string;
  let accountsDirectory: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    prefix = await createTopicNamespace();
    accountsDirectory = await mkdtemp(join(tmpdir(), 'sinergi-accounts-'));
    const accountsFile = join(accountsDirectory, 'local-accounts.json');
    await writeFile(accountsFile, JSON.stringify([OPERATOR, ADMIN]));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    env = gatewayTestEnv({ HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1', GATEWAY_PUBLIC_URL: url, LOCAL_ACCOUNTS_FILE: accountsFile });
    gateway = await startServiceUnderTest(gatewayService, prefix, { env });
  });

  afterAll(async () => {
    await gateway?.destroy();
    await deleteTopicNamespace(prefix);
    await rm(accountsDirectory, { recursive: true, force: true });
  });

  it("issues a JWT access token for the API that verifies against the provider's JWKS and carries the account's roles", async () => {
    const { accessToken } = await signIn(url, OPERATOR.username, OPERATOR.password);
    const discovery = (await (await fetch(`${url}/oidc/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
    expect(discovery.issuer).toBe(`${url}/oidc`);
    const { payload, protectedHeader } = await jwtVerify(accessToken, createRemoteJWKSet(new URL(discovery.jwks_uri)), { issuer: `${url}/oidc`, audience: 'sinergi-api' });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({ roles: ['venue-operator'], venue_codes: ['BBPVP-BDG'] });
  });

  it('refuses a wrong password with the same generic answer as an unknown username', async () => {
    const attempt = async (username: string, password: string) => {
      const jar = new CookieJar();
      const { response, url: pageUrl } = await followRedirects(jar, `${url}/auth/login`);
      const answer = await submitStaffLogin(jar, pageUrl, await response.text(), username, password);
      return { status: answer.status, page: await answer.text() };
    };
    const wrong = await attempt(ADMIN.username, 'not the password');
    const unknown = await attempt('nobody-here', 'not the password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.page).toContain('Wrong username or password.');
    // A control character or an oversized field is a wrong answer too, never an error of the database.
    expect((await attempt('admin\u0000kemnaker', 'x')).status).toBe(401);
    expect((await attempt(ADMIN.username, 'x'.repeat(100_000))).status).toBe(401);
    expect(unknown.page).toContain('Wrong username or password.');
  });

  it('refuses an authorization request without a PKCE code challenge', async () => {
    const authorize = new URL(`${url}/oidc/auth`);
    authorize.search = new URLSearchParams({ client_id: 'sinergi-dashboard', response_type: 'code', redirect_uri: `${url}/auth/callback`, scope: 'openid api', state: 'x' }).toString();
    const response = await fetch(authorize, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? 'about:blank');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
    // A plain challenge is not S256 and is refused too.
    authorize.searchParams.set('code_challenge', pkcePair().verifier);
    authorize.searchParams.set('code_challenge_method', 'plain');
    const plain = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location') ?? 'about:blank');
    expect(plain.searchParams.get('error')).toBe('invalid_request');
  });

  it('rotates the refresh token: the new one works, the used one is refused', async () => {
    const { refreshToken } = await signIn(url, ADMIN.username, ADMIN.password);
    expect(refreshToken).toBeDefined();
    const refresh = (token: string) =>
      fetch(`${url}/oidc/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token, client_id: 'sinergi-dashboard', resource: `${url}/api` }).toString(),
      });
    const first = await refresh(refreshToken!);
    const rotated = (await first.json()) as { refresh_token: string; access_token: string };
    expect(first.status).toBe(200);
    expect(rotated.refresh_token).not.toBe(refreshToken);
    expect((await refresh(refreshToken!)).status).toBe(400);
  });

  it('keeps the session in an HttpOnly, SameSite=Lax cookie and answers who is signed in, without tokens', async () => {
    const { jar, sessionSetCookie } = await signInBrowser(url, OPERATOR.username, OPERATOR.password);
    expect(sessionSetCookie).toMatch(/HttpOnly/i);
    expect(sessionSetCookie).toMatch(/SameSite=Lax/i);
    const me = await jar.fetch(`${url}/auth/me`);
    const body = (await me.json()) as Record<string, unknown>;
    expect(me.status).toBe(200);
    expect(body).toMatchObject({ roles: ['venue-operator'], venueCodes: ['BBPVP-BDG'] });
    expect(JSON.stringify(body)).not.toMatch(/eyJ/);
  });

  it('refreshes a session on POST /auth/refresh with the CSRF header', async () => {
    const { jar, csrfToken } = await signInBrowser(url, ADMIN.username, ADMIN.password);
    const response = await jar.fetch(`${url}/auth/refresh`, { method: 'POST', headers: { 'x-csrf-token': csrfToken } });
    expect(response.status).toBe(200);
    expect((await jar.fetch(`${url}/auth/me`)).status).toBe(200);
  });

  it('refreshes a session once when two gateway processes need it at once: both go on with the token of that refresh', async () => {
    const second = await startServiceUnderTest(gatewayService, prefix, { database: gateway.database, env: { ...env, HTTP_PORT: '0' } });
    try {
      const instances = [gateway, second];
      const { jar } = await signInBrowser(url, ADMIN.username, ADMIN.password);
      const sessionId = jar.get('sinergi_session')!;
      const refreshes = instances.map((instance) => jest.spyOn(instance.app.get(DashboardClient), 'refresh'));
      const refreshCount = () => refreshes.reduce((count, spy) => count + spy.mock.calls.length, 0);
      // Both processes hold the same stale copy of the session and both want a new token now.
      const stale = (await gateway.app.get(BrowserSessions).find(sessionId))!;
      const tokens = await Promise.all(instances.map((instance) => instance.app.get(SessionAccess).accessToken(stale, { forceRefresh: true })));
      expect(refreshCount()).toBe(1);
      expect(tokens[0]).toEqual(expect.any(String));
      expect(tokens[1]).toBe(tokens[0]);
      expect(tokens[0]).not.toBe(stale.tokens!.accessToken);
      // The access token expires: the browser's requests to either process go on with one refresh between them.
      await gateway.app.get(DataSource).query('UPDATE browser_sessions SET access_expires_at = now() WHERE id = $1', [sessionId]);
      const answers = await Promise.all([url, second.url].map((base) => jar.fetch(`${base}/auth/me`)));
      expect(answers.map(({ status }) => status)).toEqual([200, 200]);
      expect(refreshCount()).toBe(2);
    } finally {
      await second.stop();
    }
  });

  it('refuses POST /auth/logout without the CSRF header (403), and ends the session with it', async () => {
    const { jar, csrfToken } = await signInBrowser(url, ADMIN.username, ADMIN.password);
    const refused = await jar.fetch(`${url}/auth/logout`, { method: 'POST' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Problem).errors).toEqual([expect.objectContaining({ field: 'x-csrf-token', rule: 'csrf-token' })]);
    expect((await jar.fetch(`${url}/auth/me`)).status).toBe(200);

    const stolenCookie = jar.header();
    const logout = await jar.fetch(`${url}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': csrfToken } });
    expect(logout.status).toBe(200);
    const { endSessionUrl } = (await logout.json()) as { endSessionUrl: string };
    expect(endSessionUrl.startsWith(`${url}/oidc/session/end`)).toBe(true);
    // The old cookie, replayed, is no longer a session.
    expect((await fetch(`${url}/auth/me`, { headers: { cookie: stolenCookie } })).status).toBe(401);
  });

  it('answers 429 after five wrong passwords for one username, even with the right one, and still after a restart', async () => {
    const attempt = async (password: string) => {
      const jar = new CookieJar();
      const { response, url: pageUrl } = await followRedirects(jar, `${url}/auth/login`);
      const answer = await submitStaffLogin(jar, pageUrl, await response.text(), OPERATOR.username.toUpperCase(), password);
      return { status: answer.status, page: await answer.text() };
    };
    const statuses = [];
    for (let attemptNumber = 0; attemptNumber < 5; attemptNumber += 1) statuses.push((await attempt('wrong password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect((await attempt(OPERATOR.password)).status).toBe(429);
    // The failures are counted in the database: a new gateway process on it (a restart, or another instance) refuses too.
    await gateway.stop();
    gateway = await startServiceUnderTest(gatewayService, prefix, { database: gateway.database, env });
    const afterRestart = await attempt(OPERATOR.password);
    expect(afterRestart.status).toBe(429);
    expect(afterRestart.page).toContain('Too many attempts. Try again in 15 minutes.');
    const stored = await gateway.app.get(DataSource).query<Array<{ row: string }>>('SELECT row_to_json(failure)::text AS row FROM staff_sign_in_failures failure');
    expect(stored.length).toBeGreaterThanOrEqual(10);
    expect(stored.filter(({ row }) => /operator|127\.0\.0\.1/i.test(row))).toEqual([]);
  });

  it('counts wrong passwords sent at once one by one: no more than five pass the count', async () => {
    const attempt = async () => {
      const jar = new CookieJar();
      const { response, url: pageUrl } = await followRedirects(jar, `${url}/auth/login`);
      return { jar, pageUrl, page: await response.text() };
    };
    const pages = [];
    for (let page = 0; page < 8; page += 1) pages.push(await attempt());
    const statuses = await Promise.all(pages.map(({ jar, pageUrl, page }) => submitStaffLogin(jar, pageUrl, page, 'guessed-at-once', 'wrong').then((answer) => answer.status)));
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
  });

  it('offers participants a one-time code on the sign-in page, which loads nothing from elsewhere', async () => {
    const { response } = await followRedirects(new CookieJar(), `${url}/auth/login`);
    const page = await response.text();
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page).toMatch(/action="\/auth\/interaction\/[^"]+\/participant"/);
    expect(page).not.toContain('Participant sign-in is not available.');
  });

  it("ends the provider's own session through the end-session page logout points to", async () => {
    const { jar, csrfToken } = await signInBrowser(url, ADMIN.username, ADMIN.password);
    const { endSessionUrl } = (await (await jar.fetch(`${url}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': csrfToken } })).json()) as { endSessionUrl: string };
    const confirm = await (await jar.fetch(endSessionUrl)).text();
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(confirm)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm)?.[1];
    expect([action, xsrf]).toEqual([expect.any(String), expect.any(String)]);
    const ended = await jar.fetch(new URL(action!, endSessionUrl).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf: xsrf!, logout: 'yes' }).toString(),
    });
    expect(ended.status).toBe(303);
    // Signing in again asks for the password: the provider no longer knows the browser.
    const { response: again } = await followRedirects(jar, `${url}/auth/login`);
    expect(await again.text()).toContain('name="password"');
  });

  it('deletes expired sessions, provider records and sign-in codes, code requests and failed sign-ins past their window, and Idempotency-Key answers past 24 hours; keeps the others', async () => {
    const dataSource = gateway.app.get(DataSource);
    await dataSource.query(`INSERT INTO browser_sessions (id, csrf_token, expires_at) VALUES ('expired', 'x', now() - interval '1 minute'), ('live', 'x', now() + interval '1 hour')`);
    await dataSource.query(`INSERT INTO oidc_payloads (model, id, payload, expires_at) VALUES ('Session', 'expired', '{}', now() - interval '1 minute')`);
    const code = (id: string, expiresAt: string) =>
      `('${id}', '${randomUUID()}', '\\x01', '\\x02', 'phone', ${expiresAt})`;
    const expiredCode = randomUUID();
    const liveCode = randomUUID();
    await dataSource.query(
      `INSERT INTO sign_in_codes (id, participant_id, identifier_digest, code_digest, channel, expires_at) VALUES
       ${code(expiredCode, "now() - interval '1 minute'")}, ${code(liveCode, "now() + interval '4 minutes'")}`,
    );
    const [oldRequest, freshRequest, oldFailure, freshFailure] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await dataSource.query(
      `INSERT INTO sign_in_code_requests (id, scope, subject_digest, requested_at) VALUES
       ($1, 'address', '\\x03', now() - interval '16 minutes'), ($2, 'address', '\\x03', now() - interval '14 minutes')`,
      [oldRequest, freshRequest],
    );
    await dataSource.query(
      `INSERT INTO staff_sign_in_failures (id, scope, subject_digest, failed_at) VALUES
       ($1, 'address', '\\x04', now() - interval '16 minutes'), ($2, 'address', '\\x04', now() - interval '14 minutes')`,
      [oldFailure, freshFailure],
    );
    await dataSource.query(
      `INSERT INTO idempotency_records (subject, idempotency_key, request_hash, expires_at) VALUES
       ('cleanup', 'old', 'x', now() - interval '1 minute'), ('cleanup', 'fresh', 'x', now() + interval '23 hours')`,
    );
    await gateway.app.get(ExpiredIdentityRows).runOnce();
    await gateway.app.get(IdempotencyStore).sweep();
    expect(await dataSource.query(`SELECT id FROM browser_sessions WHERE id IN ('expired', 'live')`)).toEqual([{ id: 'live' }]);
    expect(await dataSource.query(`SELECT id FROM oidc_payloads WHERE id = 'expired'`)).toEqual([]);
    expect(await dataSource.query('SELECT id FROM sign_in_codes WHERE id = ANY($1)', [[expiredCode, liveCode]])).toEqual([{ id: liveCode }]);
    expect(await dataSource.query('SELECT id FROM sign_in_code_requests WHERE id = ANY($1)', [[oldRequest, freshRequest]])).toEqual([{ id: freshRequest }]);
    expect(await dataSource.query('SELECT id FROM staff_sign_in_failures WHERE id = ANY($1)', [[oldFailure, freshFailure]])).toEqual([{ id: freshFailure }]);
    expect(await dataSource.query(`SELECT idempotency_key FROM idempotency_records WHERE subject = 'cleanup'`)).toEqual([{ idempotency_key: 'fresh' }]);
  });
});

describe('gateway: with an external OpenID provider (OIDC_ISSUER set)', () => {
  let gateway: ServiceUnderTest;
  let prefix: string;

  beforeAll(async () => {
    prefix = await createTopicNamespace();
    gateway = await startServiceUnderTest(gatewayService, prefix, {
      env: gatewayTestEnv({
        GATEWAY_PUBLIC_URL: 'http://localhost:3000',
        OIDC_ISSUER: 'https://sso.example.go.id/realms/sinergi',
      }),
    });
  });

  afterAll(async () => {
    await gateway?.destroy();
    await deleteTopicNamespace(prefix);
  });

  it('serves no embedded provider and no sign-in pages of its own', async () => {
    expect((await fetch(`${gateway.url}/oidc/.well-known/openid-configuration`)).status).toBe(404);
    expect((await fetch(`${gateway.url}/auth/interaction/some-uid`)).status).toBe(404);
  });
});
