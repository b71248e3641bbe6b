import { useSyncExternalStore } from 'react';
import { session } from './session-store';

/** The session's token and why the last one ended; re-renders when either changes. */
export function useSession() {
  return useSyncExternalStore(session.subscribe, session.snapshot);
}
