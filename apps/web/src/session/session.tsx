import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';

export interface Session {
  citizen: string;
  method: string;
  expiresAt: string;
}

interface SessionState {
  /** undefined while loading; null when nobody is signed in. */
  session: Session | null | undefined;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    // An unreachable server, like a signed-out browser, has no session to show.
    setSession(
      await api<{ session: Session | null }>('/api/session').then(
        (r) => r.session,
        () => null,
      ),
    );
  }, []);
  const signOut = useCallback(async () => {
    await api('/api/session/sign-out', { method: 'POST' });
    setSession(null);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(() => ({ session, refresh, signOut }), [session, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession must be used inside SessionProvider');
  return context;
}
