import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './useSession';

/** Sends a person without a session to Masuk, remembering the page so the login returns to it. */
export function RequireSession() {
  const { token } = useSession();
  const location = useLocation();
  if (!token) {
    const next = location.pathname + location.search;
    return <Navigate to={`/masuk?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
