import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { api } from '../../lib/api';
import { endSession, getSession, sessionExpired, startSession, subscribeSession } from '../../lib/session';

export function useSession() {
  const session = useSyncExternalStore(subscribeSession, () => getSession());
  const expired = useSyncExternalStore(subscribeSession, sessionExpired);
  return { session, signedIn: !!session, expired };
}

/** The signed-in person's profile (role, address); nothing when signed out. */
export function useMe() {
  const { session } = useSession();
  return useQuery({
    queryKey: ['me', session?.accessToken],
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
      startSession(answer.accessToken, answer.expiresIn);
      await client.invalidateQueries();
    },
    [client],
  );
}

export function useSignOut() {
  const client = useQueryClient();
  return useCallback(() => {
    endSession();
    client.removeQueries({ queryKey: ['me'] });
    client.removeQueries({ queryKey: ['orders'] });
    client.removeQueries({ queryKey: ['order'] });
    client.removeQueries({ queryKey: ['recommendations'] });
  }, [client]);
}
