import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '../gateway.config';

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

/** A session's tokens under its row lock: change them or end the session before the lock is released. */
export interface LockedSession {
  tokens?: SessionTokens;
  updateTokens(tokens: SessionTokens): Promise<void>;
  end(): Promise<void>;
}

const PENDING_TTL_SECONDS = 10 * 60;
const SESSION_TTL_SECONDS = 14 * 24 * 60 * 60;

const randomId = () => randomBytes(32).toString('base64url');
const LOCK_CONNECTIONS = 4;
const END_SESSION = 'DELETE FROM browser_sessions WHERE id = $1';

/** Browser sessions of the gateway's BFF, keyed by a random id only the session cookie carries; tokens stay here. */
@Injectable()
export class BrowserSessions implements OnModuleDestroy {
  /**
   * Row locks are held on connections of their own: a refresh holds its session's lock while the embedded provider
   * answers it from the main pool, which must never wait behind the lock holders that wait for it.
   */
  private readonly lockPool: Pool;

  constructor(
    private readonly dataSource: DataSource,
    config: GatewayConfig,
  ) {
    this.lockPool = new Pool({ connectionString: config.DATABASE_URL, max: LOCK_CONNECTIONS, application_name: 'gateway-session-locks' });
  }

  async onModuleDestroy(): Promise<void> {
    await this.lockPool.end();
  }

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
    return row && sessionOf(row);
  }

  /**
   * Runs `work` with the session's tokens as they are once its row is locked (SELECT … FOR UPDATE), in a transaction:
   * the same session's work in another gateway process waits for it, then reads what it stored.
   */
  async whileLocked<T>(id: string, work: (session: LockedSession) => Promise<T>): Promise<T> {
    const client = await this.lockPool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<SessionRow>('SELECT * FROM browser_sessions WHERE id = $1 AND expires_at > now() FOR UPDATE', [id]);
      const result = await work(lockedSessionOf(client, id, rows[0]));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async end(id: string): Promise<void> {
    await this.dataSource.query(END_SESSION, [id]);
  }
}

function sessionOf(row: SessionRow): BrowserSession {
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    ...(row.pending ? { pending: row.pending } : {}),
    ...(row.access_token && row.access_expires_at
      ? { tokens: { accessToken: row.access_token, refreshToken: row.refresh_token ?? undefined, idToken: row.id_token ?? undefined, accessExpiresAt: row.access_expires_at } }
      : {}),
  };
}

function lockedSessionOf(client: PoolClient, id: string, row: SessionRow | undefined): LockedSession {
  return {
    tokens: row && sessionOf(row).tokens,
    updateTokens: async (tokens) => {
      await client.query(
        'UPDATE browser_sessions SET access_token = $2, refresh_token = $3, id_token = COALESCE($4, id_token), access_expires_at = $5 WHERE id = $1',
        [id, tokens.accessToken, tokens.refreshToken ?? null, tokens.idToken ?? null, tokens.accessExpiresAt],
      );
    },
    end: async () => {
      await client.query(END_SESSION, [id]);
    },
  };
}
