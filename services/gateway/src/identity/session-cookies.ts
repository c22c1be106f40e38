import type { CookieOptions, Request, Response } from 'express';
import { GatewayConfig } from '../gateway.config';

export const SESSION_COOKIE = 'sinergi_session';
/** Readable by the dashboard's scripts, which echo it in CSRF_HEADER on every unsafe request. */
export const CSRF_COOKIE = 'sinergi_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const LOGIN_CSRF_COOKIE = 'sinergi_login_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isUnsafe(request: Request): boolean {
  return !SAFE_METHODS.has(request.method);
}

export function cookieOptions(config: GatewayConfig, options: { httpOnly: boolean; path?: string }): CookieOptions {
  return { httpOnly: options.httpOnly, sameSite: 'lax', secure: config.GATEWAY_PUBLIC_URL.startsWith('https:'), path: options.path ?? '/' };
}

export function setSessionCookies(response: Response, config: GatewayConfig, session: { id: string; csrfToken: string }): void {
  response.cookie(SESSION_COOKIE, session.id, cookieOptions(config, { httpOnly: true }));
  response.cookie(CSRF_COOKIE, session.csrfToken, cookieOptions(config, { httpOnly: false }));
}

export function clearSessionCookies(response: Response, config: GatewayConfig): void {
  response.clearCookie(SESSION_COOKIE, cookieOptions(config, { httpOnly: true }));
  response.clearCookie(CSRF_COOKIE, cookieOptions(config, { httpOnly: false }));
}

export function cookieOf(request: Request, name: string): string | undefined {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Double submit: the header must repeat the session's CSRF token (which its cookie carries). */
export function csrfHeaderMatches(request: Request, csrfToken: string): boolean {
  const header = request.headers[CSRF_HEADER];
  return typeof header === 'string' && header.length > 0 && header === csrfToken && cookieOf(request, CSRF_COOKIE) === csrfToken;
}
