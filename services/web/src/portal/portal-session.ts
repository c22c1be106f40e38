import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** Whether a participant is signed in (their id from the token), as the portal's pages need it. */
export type PortalSession = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; participantId?: string };

export const SessionContext = createContext<PortalSession>({ status: 'loading' });

export function usePortalSession(): PortalSession {
  return useContext(SessionContext);
}
