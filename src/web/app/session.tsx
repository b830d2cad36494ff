import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionUser } from '../../features/auth/roles.js';
import { api, ApiError, setCsrfToken } from './api.js';

interface SessionState {
  user: SessionUser | null;
  loading: boolean;
  login(email: string, password: string): Promise<SessionUser>;
  /** Takes a session the server opened another way (an accepted invitation). */
  adopt(session: SignedInSession): void;
  logout(): Promise<void>;
  /** Ends every session of the user, on every device. */
  logoutEverywhere(): Promise<void>;
}

export interface SignedInSession {
  user: SessionUser;
  csrfToken: string;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    api<{ user: SessionUser | null; csrfToken: string | null }>('/auth/session')
      .then((session) => {
        setCsrfToken(session.csrfToken);
        setUser(session.user);
      })
      .catch((error: ApiError) => console.warn('session check failed', error))
      .finally(() => setLoading(false));
  }, []);

  const adopt = useCallback((session: SignedInSession) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
  }, []);
  const login = useCallback(async (email: string, password: string) => {
    const session = await api<SignedInSession>('/auth/login', { method: 'POST', json: { email, password } });
    adopt(session);
    return session.user;
  }, [adopt]);

  const signOut = useCallback(async (path: string) => {
    const ended = await api<{ logoutUrl: string } | undefined>(path, { method: 'POST' });
    setCsrfToken(null);
    setUser(null);
    // A session begun by single sign-on ends at the provider too, which then sends the browser back.
    if (ended?.logoutUrl) window.location.assign(ended.logoutUrl);
  }, []);
  const logout = useCallback(() => signOut('/auth/logout'), [signOut]);
  const logoutEverywhere = useCallback(() => signOut('/auth/logout-everywhere'), [signOut]);

  return <SessionContext.Provider value={{ user, loading, login, adopt, logout, logoutEverywhere }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
