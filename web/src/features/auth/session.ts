import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { api, signOut } from '../../lib/api';
import { getSession, sessionExpired, startSession, subscribeSession } from '../../lib/session';

export function useSession() {
  const session = useSyncExternalStore(subscribeSession, () => getSession());
  const expired = useSyncExternalStore(subscribeSession, sessionExpired);
  return { session, signedIn: !!session, expired };
}

/** The signed-in person's profile (role, address); nothing when signed out. */
export function useMe() {
  const { session } = useSession();
  return useQuery({
    // the session, not its access token: a renewal every few minutes is not another person (nor a reason to load)
    queryKey: ['me', session?.startedAt],
    queryFn: api.me,
    enabled: !!session,
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useCallback(
    async (email: string, password: string) => {
      const answer = await api.signIn(email, password);
      startSession(answer.accessToken, answer.expiresIn, answer.refreshToken);
      await client.invalidateQueries();
    },
    [client],
  );
}

export function useSignOut() {
  const client = useQueryClient();
  return useCallback(() => {
    void signOut(); // ends the session here at once; the revocation goes on in the background
    client.removeQueries({ queryKey: ['me'] });
    client.removeQueries({ queryKey: ['orders'] });
    client.removeQueries({ queryKey: ['order'] });
    client.removeQueries({ queryKey: ['recommendations'] });
  }, [client]);
}
