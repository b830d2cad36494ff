import { Navigate, useLocation } from 'react-router-dom';

/** Sends a visitor who is not signed in to the sign-in page, which brings them back here afterwards. */
export function SignInFirst() {
  const { pathname, search } = useLocation();
  return <Navigate to={`/login?returnTo=${encodeURIComponent(pathname + search)}`} replace />;
}
