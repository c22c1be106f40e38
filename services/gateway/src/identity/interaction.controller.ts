import { Controller, Get, HttpException, HttpStatus, Inject, Optional, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type Provider from 'oidc-provider';
import { Operation } from '@sinergi/platform';
import { GatewayConfig } from '../gateway.config';
import { IdentityAccounts } from './identity-accounts';
import { OIDC_PROVIDER } from './identity.tokens';
import { LocalAccounts } from './local-accounts';
import { participantCodePage, signedOutPage, signInPage } from './pages';
import { PARTICIPANT_SIGN_IN, ParticipantSignIn } from './participant-sign-in';
import { cookieOf, cookieOptions, LOGIN_CSRF_COOKIE } from './session-cookies';
import { SignInAttempts } from './sign-in-attempts';

const WRONG_CREDENTIALS = { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' };
const TOO_MANY_ATTEMPTS = { id: 'Terlalu banyak percobaan. Coba lagi dalam 15 menit.', en: 'Too many attempts. Try again in 15 minutes.' };
const WRONG_CODE = { id: 'Kode salah atau kedaluwarsa.', en: 'The code is wrong or has expired.' };
const FORM_EXPIRED = { id: 'Formulir kedaluwarsa, silakan coba lagi.', en: 'The form has expired, please try again.' };

// Pages that load nothing from elsewhere, post only to this origin and cannot be framed.
const PAGE_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The embedded provider's sign-in pages (its interactions): staff by password, participants by a one-time code. */
@Controller('auth/interaction')
export class InteractionController {
  constructor(
    private readonly config: GatewayConfig,
    private readonly localAccounts: LocalAccounts,
    private readonly attempts: SignInAttempts,
    @Inject(OIDC_PROVIDER) private readonly provider: Provider | null,
    @Optional() @Inject(PARTICIPANT_SIGN_IN) private readonly participants?: ParticipantSignIn,
  ) {}

  @Get(':uid')
  @Operation('auth.interaction.page')
  async page(@Param('uid') uid: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!(await this.interactionOf(uid, request, response))) return;
    const csrfToken = randomBytes(24).toString('base64url');
    response.cookie(LOGIN_CSRF_COOKIE, csrfToken, cookieOptions(this.config, { httpOnly: true, path: '/auth/interaction' }));
    this.send(response, 200, signInPage({ action: actionOf(uid), csrfToken, participantAvailable: !!this.participants }));
  }

  @Post(':uid/login')
  @Operation('auth.interaction.staff')
  async staff(@Param('uid') uid: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const form = await this.submittedForm(uid, request, response);
    if (!form) return;
    const username = text(form.username).trim().toLowerCase();
    const address = request.ip ?? 'unknown';
    const attempt = await this.attempts.begin(username, address);
    if (!attempt) return this.again(uid, response, 429, TOO_MANY_ATTEMPTS);
    const principal = username ? await this.localAccounts.verifyPassword(username, text(form.password)) : undefined;
    if (!principal) return this.again(uid, response, 401, WRONG_CREDENTIALS);
    await this.attempts.succeeded(attempt);
    await this.provider!.interactionFinished(request, response, { login: { accountId: principal.subject } }, { mergeWithLastSubmission: false });
  }

  @Post(':uid/participant')
  @Operation('auth.interaction.participant')
  async participantCode(@Param('uid') uid: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const form = await this.submittedForm(uid, request, response);
    if (!form) return;
    if (!this.participants) return this.again(uid, response, 404, { id: 'Masuk peserta belum tersedia.', en: 'Participant sign-in is not available.' });
    const identifier = text(form.identifier).trim();
    if (!identifier) return this.again(uid, response, 400, { id: 'Isi nomor ponsel atau e-mail.', en: 'Enter a phone number or e-mail.' });
    try {
      await this.participants.requestCode(identifier, request.ip ?? 'unknown');
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === HttpStatus.TOO_MANY_REQUESTS) return this.again(uid, response, 429, TOO_MANY_ATTEMPTS);
      throw error;
    }
    this.send(response, 200, participantCodePage({ action: actionOf(uid), csrfToken: text(form.csrf), identifier }));
  }

  @Post(':uid/participant/code')
  @Operation('auth.interaction.participant-code')
  async participantSignIn(@Param('uid') uid: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const form = await this.submittedForm(uid, request, response);
    if (!form) return;
    if (!this.participants) return this.again(uid, response, 404, { id: 'Masuk peserta belum tersedia.', en: 'Participant sign-in is not available.' });
    const identifier = text(form.identifier).trim();
    const signedIn = await this.participants.verifyCode(identifier, text(form.code).trim(), request.ip ?? 'unknown');
    if (!signedIn) {
      this.send(response, 401, participantCodePage({ action: actionOf(uid), csrfToken: text(form.csrf), identifier, error: WRONG_CODE }));
      return;
    }
    const accountId = IdentityAccounts.participantAccountId(signedIn.participantId);
    await this.provider!.interactionFinished(request, response, { login: { accountId } }, { mergeWithLastSubmission: false });
  }

  /** The interaction this browser is in (its cookie names it), or an answer saying there is none. */
  private async interactionOf(uid: string, request: Request, response: Response): Promise<boolean> {
    if (!this.provider) {
      this.send(response, 404, signedOutPage('Penyedia identitas bawaan tidak aktif (OIDC_ISSUER) / The embedded provider is off (OIDC_ISSUER is set)'));
      return false;
    }
    const details = await this.provider.interactionDetails(request, response).catch(() => undefined);
    if (!details || details.uid !== uid) {
      this.send(response, 400, signedOutPage('Sesi masuk tidak ditemukan atau kedaluwarsa / The sign-in was not found or has expired'));
      return false;
    }
    return true;
  }

  /** The posted form, when its interaction is live and its CSRF field repeats the page's cookie. */
  private async submittedForm(uid: string, request: Request, response: Response): Promise<Record<string, unknown> | undefined> {
    if (!(await this.interactionOf(uid, request, response))) return undefined;
    const form = (request.body ?? {}) as Record<string, unknown>;
    if (!sameSecret(text(form.csrf), cookieOf(request, LOGIN_CSRF_COOKIE))) {
      this.send(response, 403, signedOutPage(`${FORM_EXPIRED.id} / ${FORM_EXPIRED.en}`));
      return undefined;
    }
    return form;
  }

  private again(uid: string, response: Response, status: number, error: { id: string; en: string }): void {
    const csrfToken = randomBytes(24).toString('base64url');
    response.cookie(LOGIN_CSRF_COOKIE, csrfToken, cookieOptions(this.config, { httpOnly: true, path: '/auth/interaction' }));
    this.send(response, status, signInPage({ action: actionOf(uid), csrfToken, error, participantAvailable: !!this.participants }));
  }

  private send(response: Response, status: number, html: string): void {
    response.status(status).set({ 'Content-Security-Policy': PAGE_SECURITY_POLICY, 'Cache-Control': 'no-store' }).type('html').send(html);
  }
}

function actionOf(uid: string): string {
  return `/auth/interaction/${encodeURIComponent(uid)}`;
}

const MAX_FIELD_LENGTH = 512;

/** A form field as text; anything else (a list, a control character, an oversized value) counts as empty. */
function text(value: unknown): string {
  return typeof value === 'string' && value.length <= MAX_FIELD_LENGTH && !/[\u0000-\u001f\u007f]/.test(value) ? value : '';
}

function sameSecret(submitted: string, expected: string | undefined): boolean {
  if (!expected || submitted.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(submitted), Buffer.from(expected));
}
