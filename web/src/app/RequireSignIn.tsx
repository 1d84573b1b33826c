import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../features/auth/session';

export function RequireSignIn({ children }: { children: ReactNode }) {
  const { signedIn, expired } = useSession();
  const location = useLocation();
  if (!signedIn) {
    const back = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/entrar?voltar=${back}${expired ? '&expirou=1' : ''}`} replace />;
  }
  return <>{children}</>;
}
