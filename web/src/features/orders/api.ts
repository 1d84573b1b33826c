import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { FINAL_STATUSES, type Order } from '../../lib/types';

/** How often an open order page asks again until the order is final. */
export const ORDER_POLL_MS = 2000;

export function isFinal(order: Pick<Order, 'status'>): boolean {
  return FINAL_STATUSES.includes(order.status);
}

/** The customer may cancel until the order is confirmed (API.md). */
export function customerMayCancel(order: Pick<Order, 'status'>): boolean {
  return order.status === 'PENDING' || order.status === 'AWAITING_PAYMENT';
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: ['order', id],
    queryFn: () => api.order(id),
    refetchInterval: (query) => (query.state.data && isFinal(query.state.data) ? false : ORDER_POLL_MS),
  });
}

export function useMyOrders() {
  return useQuery({ queryKey: ['orders'], queryFn: () => api.orders(50), refetchInterval: 5000 });
}

export function usePayments(orderId: string, enabled: boolean) {
  return useQuery({ queryKey: ['payments', orderId], queryFn: () => api.payments(orderId), enabled });
}

export function useCancelOrder(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.cancelOrder(id),
    onSuccess: (order) => {
      client.setQueryData(['order', id], order);
      client.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}
