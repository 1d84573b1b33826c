import { api } from '../../../lib/api';
import type { OrderFilter } from '../../../lib/types';
import { useConsoleQuery } from '../common';

export const ORDERS_PAGE = 20;

/** Everyone's orders, newest first, from the read side: by id prefix, status and local day. */
export function useStaffOrders(filter: OrderFilter) {
  return useConsoleQuery(['orders', filter], () => api.staffOrders({ ...filter, limit: filter.limit ?? ORDERS_PAGE }), { poll: 10_000, keepPrevious: true });
}
