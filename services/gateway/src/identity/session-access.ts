import { Injectable, Logger } from '@nestjs/common';
import { BrowserSession, BrowserSessions } from './browser-sessions';
import { DashboardClient } from './dashboard-client';

// Refresh a little before expiry, so that the token does not expire on its way to the API's verifier.
const REFRESH_MARGIN_MS = 30_000;

/** A browser session's current access token, refreshed (and the refresh token rotated) when it is about to expire. */
@Injectable()
export class SessionAccess {
  private readonly logger = new Logger(SessionAccess.name);
  // One refresh per session at a time (in this process without even waiting for the row lock): a rotated refresh token
  // used twice would revoke the grant.
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

  /** Under the session's row lock, so that two gateway processes never spend the same rotated refresh token. */
  private refresh(session: BrowserSession): Promise<string | undefined> {
    return this.sessions.whileLocked(session.id, async (locked) => {
      if (!locked.tokens) return undefined;
      // Refreshed by another process (or request) while this one waited for the lock: its token is the session's now.
      if (locked.tokens.accessToken !== session.tokens?.accessToken) return locked.tokens.accessToken;
      const refreshToken = locked.tokens.refreshToken;
      if (!refreshToken) {
        await locked.end();
        return undefined;
      }
      try {
        const tokens = await this.client.refresh(refreshToken);
        await locked.updateTokens({ ...tokens, refreshToken: tokens.refreshToken ?? refreshToken });
        return tokens.accessToken;
      } catch (error) {
        this.logger.warn(`a browser session's refresh was refused (${(error as Error).name}); the session ends`);
        await locked.end();
        return undefined;
      }
    });
  }
}
