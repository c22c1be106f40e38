import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/** A sign-in started in the browser: what the callback needs to finish the code flow. */
export interface PendingSignIn {
  codeVerifier: string;
  state: string;
  returnTo: string;
}

export interface SessionTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  accessExpiresAt: Date;
}

export interface BrowserSession {
  id: string;
  csrfToken: string;
  pending?: PendingSignIn;
  tokens?: SessionTokens;
}

interface SessionRow {
  id: string;
  csrf_token: string;
  pending: PendingSignIn | null;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_expires_at: Date | null;
}

const PENDING_TTL_SECONDS = 10 * 60;
const SESSION_TTL_SECONDS = 14 * 24 * 60 * 60;

const randomId = () => randomBytes(32).toString('base64url');

/** Browser sessions of the gateway's BFF, keyed by a random id only the session cookie carries; tokens stay here. */
@Injectable()
export class BrowserSessions {
  constructor(private readonly dataSource: DataSource) {}

  async startSignIn(pending: PendingSignIn): Promise<BrowserSession> {
    const session = { id: randomId(), csrfToken: randomId(), pending };
    await this.dataSource.query(
      `INSERT INTO browser_sessions (id, csrf_token, pending, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [session.id, session.csrfToken, pending, PENDING_TTL_SECONDS],
    );
    return session;
  }

  /** Ends the pending sign-in and opens the signed-in session under a new id (no id survives signing in). */
  async completeSignIn(pendingId: string, tokens: SessionTokens): Promise<BrowserSession> {
    const session = { id: randomId(), csrfToken: randomId(), tokens };
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM browser_sessions WHERE id = $1', [pendingId]);
      await manager.query(
        `INSERT INTO browser_sessions (id, csrf_token, access_token, refresh_token, id_token, access_expires_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
        [session.id, session.csrfToken, tokens.accessToken, tokens.refreshToken ?? null, tokens.idToken ?? null, tokens.accessExpiresAt, SESSION_TTL_SECONDS],
      );
    });
    return session;
  }

  async find(id: string | undefined): Promise<BrowserSession | undefined> {
    if (!id) return undefined;
    const [row]: SessionRow[] = await this.dataSource.query('SELECT * FROM browser_sessions WHERE id = $1 AND expires_at > now()', [id]);
    if (!row) return undefined;
    return {
      id: row.id,
      csrfToken: row.csrf_token,
      ...(row.pending ? { pending: row.pending } : {}),
      ...(row.access_token && row.access_expires_at
        ? { tokens: { accessToken: row.access_token, refreshToken: row.refresh_token ?? undefined, idToken: row.id_token ?? undefined, accessExpiresAt: row.access_expires_at } }
        : {}),
    };
  }

  async updateTokens(id: string, tokens: SessionTokens): Promise<void> {
    await this.dataSource.query(
      'UPDATE browser_sessions SET access_token = $2, refresh_token = $3, id_token = COALESCE($4, id_token), access_expires_at = $5 WHERE id = $1',
      [id, tokens.accessToken, tokens.refreshToken ?? null, tokens.idToken ?? null, tokens.accessExpiresAt],
    );
  }

  async end(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM browser_sessions WHERE id = $1', [id]);
  }
}
