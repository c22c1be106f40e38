import { createHash, randomBytes } from 'node:crypto';

/** Cookies by name, as a browser keeps them for one origin (paths are ignored: the tests talk to one gateway). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attributes.some((attribute) => /^\s*expires=/i.test(attribute) && Date.parse(attribute.split('=')[1]) <= Date.now());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** A fetch that sends and keeps this jar's cookies and does not follow redirects. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', this.header());
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(response);
    return response;
  }
}

/** Follows redirects within the gateway with the jar, until an answer that is not a redirect or `stopAt` matches. */
export async function followRedirects(jar: CookieJar, url: string, stopAt?: (location: URL) => boolean): Promise<{ response: Response; url: string }> {
  let current = url;
  for (let hop = 0; hop < 20; hop += 1) {
    const response = await jar.fetch(current);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
    const next = new URL(location, current);
    if (stopAt?.(next)) return { response, url: next.toString() };
    current = next.toString();
  }
  throw new Error(`more than 20 redirects from ${url}`);
}

/** Submits the sign-in page's staff form (its CSRF field and action included) with the given credentials. */
export async function submitStaffLogin(jar: CookieJar, pageUrl: string, page: string, username: string, password: string): Promise<Response> {
  const action = /<form method="post" action="([^"]+\/login)">/.exec(page)?.[1];
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!action || !csrf) throw new Error(`no staff sign-in form at ${pageUrl}`);
  return jar.fetch(new URL(action.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))), pageUrl).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, username, password }).toString(),
  });
}

export interface BrowserSignIn {
  jar: CookieJar;
  /** The value of the HttpOnly session cookie (sinergi_session). */
  sessionCookie: string;
  /** The session's CSRF token, for the X-CSRF-Token header of unsafe requests. */
  csrfToken: string;
  /** The Set-Cookie line the gateway set the session cookie with (to check its flags). */
  sessionSetCookie: string;
}

/** Signs in as a browser does: GET /auth/login, the provider's sign-in page, back to /auth/callback. */
export async function signInBrowser(gatewayUrl: string, username: string, password: string): Promise<BrowserSignIn> {
  const jar = new CookieJar();
  const { response: page, url: pageUrl } = await followRedirects(jar, `${gatewayUrl}/auth/login`);
  if (page.status !== 200) throw new Error(`the sign-in page answered ${page.status}`);
  const submitted = await submitStaffLogin(jar, pageUrl, await page.text(), username, password);
  if (submitted.status !== 303) throw new Error(`signing in as ${username} answered ${submitted.status}`);
  let sessionSetCookie = '';
  let url = new URL(submitted.headers.get('location')!, pageUrl).toString();
  for (let hop = 0; hop < 10; hop += 1) {
    const response = await jar.fetch(url);
    sessionSetCookie ||= response.headers.getSetCookie().find((line) => line.startsWith('sinergi_session=') && !line.startsWith('sinergi_session=;')) ?? '';
    const location = response.headers.get('location');
    if (new URL(url).pathname === '/auth/callback') {
      if (response.status !== 303) throw new Error(`the callback answered ${response.status}: ${await response.text()}`);
      break;
    }
    if (!location) throw new Error(`the sign-in stopped at ${url} with ${response.status}`);
    url = new URL(location, url).toString();
  }
  const sessionCookie = jar.get('sinergi_session');
  const csrfToken = jar.get('sinergi_csrf');
  if (!sessionCookie || !csrfToken) throw new Error('the callback set no session');
  return { jar, sessionCookie, csrfToken, sessionSetCookie };
}

export interface SignedInTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * Signs in as the dashboard client would, through the real sign-in page, and exchanges the code (with PKCE) for
 * tokens itself: the tokens a session would hold, for tests that look inside them.
 */
export async function signIn(gatewayUrl: string, username: string, password: string): Promise<SignedInTokens> {
  const jar = new CookieJar();
  const { verifier, challenge } = pkcePair();
  const redirectUri = `${gatewayUrl}/auth/callback`;
  const authorize = new URL(`${gatewayUrl}/oidc/auth`);
  authorize.search = new URLSearchParams({
    client_id: 'sinergi-dashboard',
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid api',
    resource: `${gatewayUrl}/api`,
    state: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  const { response: page, url: pageUrl } = await followRedirects(jar, authorize.toString());
  if (page.status !== 200) throw new Error(`the sign-in page answered ${page.status}: ${await page.text()}`);
  const submitted = await submitStaffLogin(jar, pageUrl, await page.text(), username, password);
  if (submitted.status !== 303) throw new Error(`signing in as ${username} answered ${submitted.status}`);
  const { url: callback } = await followRedirects(jar, new URL(submitted.headers.get('location')!, pageUrl).toString(), (next) => next.toString().startsWith(redirectUri));
  const code = new URL(callback).searchParams.get('code');
  if (!code) throw new Error(`the provider redirected without a code: ${callback}`);
  const response = await fetch(`${gatewayUrl}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'sinergi-dashboard', code_verifier: verifier, resource: `${gatewayUrl}/api` }).toString(),
  });
  const body = (await response.json()) as { access_token?: string; refresh_token?: string; id_token?: string; error?: string };
  if (!response.ok || !body.access_token) throw new Error(`the token endpoint answered ${response.status} ${body.error ?? ''}`);
  return { accessToken: body.access_token, refreshToken: body.refresh_token, idToken: body.id_token };
}
