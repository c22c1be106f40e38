import { useEffect, useState } from 'preact/hooks';
import { ApiError, request } from './api';

/** Who is signed in, as the gateway's `GET /auth/me` answers it (never a token). */
export interface Session {
  subject: string;
  /** Whom the header names (never the subject id); null when the gateway knows no name. */
  displayName: string | null;
  roles: string[];
  venueCodes: string[];
  instructorId?: string;
  participantId?: string;
  csrfToken: string;
}

export async function fetchSession(): Promise<Session | null> {
  try {
    return await request<Session>('/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The gateway's browser session flow: the code flow with PKCE runs server side, the browser only follows redirects. */
export function signIn(returnTo: string = location.pathname + location.search): void {
  location.assign(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
}

export async function signOut(): Promise<void> {
  const { endSessionUrl } = await request<{ endSessionUrl?: string }>('/auth/logout', { method: 'POST' });
  location.assign(endSessionUrl ?? '/');
}

export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; session: Session } | { status: 'failed'; error: Error };

export function useSession(): SessionState {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  useEffect(() => {
    fetchSession().then(
      (session) => setState(session ? { status: 'signed-in', session } : { status: 'signed-out' }),
      (error: Error) => setState({ status: 'failed', error }),
    );
  }, []);
  return state;
}

export function hasRole(session: Session, ...roles: string[]): boolean {
  return session.roles.some((role) => roles.includes(role));
}
