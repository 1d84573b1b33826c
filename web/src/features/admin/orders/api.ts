import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { OrderFilter } from '../../../lib/types';
import { ADMIN } from '../common';

export const ORDERS_PAGE = 20;

/** Everyone's orders, newest first, from the read side: by id prefix, status and local day. */
export function useStaffOrders(filter: OrderFilter) {
  return useQuery({
    queryKey: [ADMIN, 'orders', filter],
    queryFn: () => api.staffOrders({ ...filter, limit: filter.limit ?? ORDERS_PAGE }),
    refetchInterval: 10_000,
    placeholderData: (previous) => previous,
  });
}
