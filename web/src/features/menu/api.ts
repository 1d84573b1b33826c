import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** How often the open menu asks again: a pizza that sells out turns Esgotado within this time. */
export const MENU_POLL_MS = 3000;

/** "restam N" from this many down. */
export const FEW_LEFT = 5;

export function useMenu() {
  return useQuery({
    queryKey: ['menu'],
    queryFn: api.menu,
    refetchInterval: MENU_POLL_MS,
    staleTime: 1000,
  });
}
