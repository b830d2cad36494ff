import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionUser } from '../../features/auth/roles.js';
import { api, ApiError, setCsrfToken } from './api.js';

interface SessionState {
  user: SessionUser | null;
  loading: boolean;
  login(email: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
  /** Ends every session of the user, on every device. */
  logoutEverywhere(): Promise<void>;
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

  const login = useCallback(async (email: string, password: string) => {
    const session = await api<{ user: SessionUser; csrfToken: string }>('/auth/login', {
      method: 'POST',
      json: { email, password },
    });
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    return session.user;
  }, []);

  const signOut = useCallback(async (path: string) => {
    await api(path, { method: 'POST' });
    setCsrfToken(null);
    setUser(null);
  }, []);
  const logout = useCallback(() => signOut('/auth/logout'), [signOut]);
  const logoutEverywhere = useCallback(() => signOut('/auth/logout-everywhere'), [signOut]);

  return <SessionContext.Provider value={{ user, loading, login, logout, logoutEverywhere }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
