import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { decodeJwt, type JWTPayload } from 'jose';
import { PRINCIPAL_CLAIMS } from '@sinergi/contracts';
import { Forbidden, Operation, Unauthenticated } from '@sinergi/platform';
import { GatewayConfig } from '../gateway.config';
import { BrowserSession, BrowserSessions } from './browser-sessions';
import { DashboardClient } from './dashboard-client';
import { LocalAccounts } from './local-accounts';
import { publicUrlOf } from './embedded-provider';
import { signedOutPage } from './pages';
import { SessionAccess } from './session-access';
import { clearSessionCookies, cookieOf, cookieOptions, csrfHeaderMatches, CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, setSessionCookies } from './session-cookies';

const DEFAULT_RETURN_TO = '/auth/me';

/** Who is signed in, as GET /auth/me answers it (never a token). */
export interface SignedInAccount {
  subject: string;
  /**
   * Whom to name on screen: the provider's `name` or `preferred_username` claim, else a local account's username;
   * null when none is known (a participant, whose name only enrollment holds). Never the subject id.
   */
  displayName: string | null;
  roles: string[];
  venueCodes: string[];
  instructorId?: string;
  participantId?: string;
  /** The dashboard echoes it in the X-CSRF-Token header of every unsafe request. */
  csrfToken: string;
}

/** The browser's side of signing in: the code flow with PKCE, kept server side behind an HttpOnly session cookie. */
@Controller('auth')
export class AuthController {
  constructor(
    private readonly config: GatewayConfig,
    private readonly sessions: BrowserSessions,
    private readonly client: DashboardClient,
    private readonly access: SessionAccess,
    private readonly localAccounts: LocalAccounts,
  ) {}

  @Get('login')
  @Operation('auth.login')
  async login(@Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    const { url, codeVerifier, state } = await this.client.authorizationUrl();
    const pending = await this.sessions.startSignIn({ codeVerifier, state, returnTo: safeReturnTo(returnTo) });
    response.cookie(SESSION_COOKIE, pending.id, cookieOptions(this.config, { httpOnly: true }));
    response.redirect(303, url.toString());
  }

  @Get('callback')
  @Operation('auth.callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const pendingSession = await this.sessions.find(cookieOf(request, SESSION_COOKIE));
    if (!pendingSession?.pending) {
      response.status(400).type('html').send(signedOutPage('Sesi masuk tidak ditemukan atau kedaluwarsa / The sign-in was not started here or has expired'));
      return;
    }
    const { pending } = pendingSession;
    try {
      const tokens = await this.client.exchangeCode(new URL(request.originalUrl, publicUrlOf(this.config)), pending);
      const session = await this.sessions.completeSignIn(pendingSession.id, tokens);
      setSessionCookies(response, this.config, session);
      response.redirect(303, pending.returnTo);
    } catch (error) {
      await this.sessions.end(pendingSession.id);
      clearSessionCookies(response, this.config);
      response.status(400).type('html').send(signedOutPage(`Masuk gagal / Sign-in failed (${(error as { code?: string }).code ?? (error as Error).name})`));
    }
  }

  @Get('me')
  @Operation('auth.me')
  async me(@Req() request: Request): Promise<SignedInAccount> {
    const session = await this.signedInSession(request);
    const accessToken = await this.access.accessToken(session);
    if (!accessToken) throw notSignedIn();
    const claims = decodeJwt(accessToken);
    const instructorId = claims[PRINCIPAL_CLAIMS.instructorId];
    const participantId = claims[PRINCIPAL_CLAIMS.participantId];
    return {
      subject: String(claims.sub),
      displayName: await this.displayNameOf(claims),
      roles: stringsOf(claims[PRINCIPAL_CLAIMS.roles]),
      venueCodes: stringsOf(claims[PRINCIPAL_CLAIMS.venueCodes]),
      ...(typeof instructorId === 'string' ? { instructorId } : {}),
      ...(typeof participantId === 'string' ? { participantId } : {}),
      csrfToken: session.csrfToken,
    };
  }

  private async displayNameOf(claims: JWTPayload): Promise<string | null> {
    for (const claim of ['name', 'preferred_username']) {
      const value = claims[claim];
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
    return (claims.sub && (await this.localAccounts.usernameOf(claims.sub))) ?? null;
  }

  @Post('refresh')
  @HttpCode(200)
  @Operation('auth.refresh')
  async refresh(@Req() request: Request): Promise<{ accessExpiresAt: string }> {
    const session = await this.signedInSession(request);
    assertCsrf(request, session);
    if (!(await this.access.accessToken(session, { forceRefresh: true }))) throw notSignedIn();
    const refreshed = await this.sessions.find(session.id);
    return { accessExpiresAt: (refreshed?.tokens?.accessExpiresAt ?? new Date()).toISOString() };
  }

  /** Ends the gateway's session and revokes its grant; the answer names the provider's end-session page for the browser. */
  @Post('logout')
  @HttpCode(200)
  @Operation('auth.logout')
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<{ endSessionUrl: string }> {
    const session = await this.sessions.find(cookieOf(request, SESSION_COOKIE));
    if (!session) {
      clearSessionCookies(response, this.config);
      return { endSessionUrl: `${publicUrlOf(this.config)}/auth/signed-out` };
    }
    assertCsrf(request, session);
    await this.sessions.end(session.id);
    clearSessionCookies(response, this.config);
    if (session.tokens?.refreshToken) await this.client.revoke(session.tokens.refreshToken).catch(() => undefined);
    return { endSessionUrl: await this.client.endSessionUrl(session.tokens?.idToken) };
  }

  @Get('signed-out')
  @Operation('auth.signed-out')
  signedOut(@Res() response: Response): void {
    response.type('html').send(signedOutPage());
  }

  private async signedInSession(request: Request): Promise<BrowserSession> {
    const session = await this.sessions.find(cookieOf(request, SESSION_COOKIE));
    if (!session?.tokens) throw notSignedIn();
    return session;
  }
}

function assertCsrf(request: Request, session: BrowserSession): void {
  if (!csrfHeaderMatches(request, session.csrfToken)) {
    throw new Forbidden({ field: CSRF_HEADER, rule: 'csrf-token', message: `must repeat the ${CSRF_COOKIE} cookie (GET /auth/me answers it as csrfToken)` });
  }
}

function notSignedIn(): Unauthenticated {
  return new Unauthenticated({ field: SESSION_COOKIE, rule: 'signed-in', message: 'no signed-in session: start at GET /auth/login' });
}

/** Only a path of this gateway, so that the sign-in cannot be turned into an open redirect. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) ? value : DEFAULT_RETURN_TO;
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
