import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type Provider from 'oidc-provider';
import { apiSessionMiddleware } from './api-session.middleware';
import { BrowserSessions } from './browser-sessions';
import { OIDC_PROVIDER } from './identity.tokens';
import { SessionAccess } from './session-access';

/**
 * Mounts the embedded provider at /oidc (an express handler, outside Nest's routing and the access guard: the provider
 * authenticates its own endpoints) and lets browser sessions call /api with their access token.
 */
export function configureIdentity(app: NestExpressApplication): void {
  app.use(cookieParser());
  const provider = app.get<Provider | null>(OIDC_PROVIDER);
  if (provider) app.use('/oidc', provider.callback());
  app.use('/api', apiSessionMiddleware(app.get(BrowserSessions), app.get(SessionAccess)));
}
