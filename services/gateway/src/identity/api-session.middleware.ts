import type { NextFunction, Request, Response } from 'express';
import { Forbidden, problemOfDomainError } from '@sinergi/platform';
import { BrowserSessions } from './browser-sessions';
import { SessionAccess } from './session-access';
import { cookieOf, csrfHeaderMatches, CSRF_HEADER, isUnsafe, SESSION_COOKIE } from './session-cookies';

/**
 * For /api/*: a request with a browser session cookie (and no Authorization header of its own) goes on with the
 * session's access token as `Authorization: Bearer`, so that the API verifies it like any other client's token.
 * An unsafe method must repeat the session's CSRF token in X-CSRF-Token.
 */
export function apiSessionMiddleware(sessions: BrowserSessions, access: SessionAccess) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    try {
      const sessionId = cookieOf(request, SESSION_COOKIE);
      if (!sessionId || request.headers.authorization) return next();
      const session = await sessions.find(sessionId);
      if (!session?.tokens) return next();
      if (isUnsafe(request) && !csrfHeaderMatches(request, session.csrfToken)) {
        const problem = problemOfDomainError(new Forbidden({ field: CSRF_HEADER, rule: 'csrf-token', message: 'must repeat the sinergi_csrf cookie' }));
        response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
        return;
      }
      const accessToken = await access.accessToken(session);
      if (accessToken) request.headers.authorization = `Bearer ${accessToken}`;
      next();
    } catch (error) {
      next(error);
    }
  };
}
