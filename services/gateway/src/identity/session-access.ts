import { Injectable, Logger } from '@nestjs/common';
import { BrowserSession, BrowserSessions } from './browser-sessions';
import { DashboardClient } from './dashboard-client';

// Refresh a little before expiry, so that the token does not expire on its way to the API's verifier.
const REFRESH_MARGIN_MS = 30_000;

/** A browser session's current access token, refreshed (and the refresh token rotated) when it is about to expire. */
@Injectable()
export class SessionAccess {
  private readonly logger = new Logger(SessionAccess.name);
  // One refresh per session at a time: a rotated refresh token used twice would revoke the grant.
  private readonly refreshing = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly sessions: BrowserSessions,
    private readonly client: DashboardClient,
  ) {}

  async accessToken(session: BrowserSession, options: { forceRefresh?: boolean } = {}): Promise<string | undefined> {
    if (!session.tokens) return undefined;
    if (!options.forceRefresh && session.tokens.accessExpiresAt.getTime() - REFRESH_MARGIN_MS > Date.now()) return session.tokens.accessToken;
    let refresh = this.refreshing.get(session.id);
    if (!refresh) {
      refresh = this.refresh(session).finally(() => this.refreshing.delete(session.id));
      this.refreshing.set(session.id, refresh);
    }
    return refresh;
  }

  private async refresh(session: BrowserSession): Promise<string | undefined> {
    const refreshToken = session.tokens?.refreshToken;
    if (!refreshToken) {
      await this.sessions.end(session.id);
      return undefined;
    }
    try {
      const tokens = await this.client.refresh(refreshToken);
      await this.sessions.updateTokens(session.id, { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken });
      return tokens.accessToken;
    } catch (error) {
      this.logger.warn(`a browser session's refresh was refused (${(error as Error).name}); the session ends`);
      await this.sessions.end(session.id);
      return undefined;
    }
  }
}
