import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { ADMIN } from '../common';

/** The live count of orders on their way: asked again this often. */
export const IN_PROGRESS_POLL_MS = 5000;
/** Sales and payments move with every order: asked again this often. */
export const REPORTS_POLL_MS = 15_000;

export function useSales() {
  return useQuery({ queryKey: [ADMIN, 'sales'], queryFn: api.sales, refetchInterval: REPORTS_POLL_MS });
}

export function useInProgress() {
  return useQuery({ queryKey: [ADMIN, 'in-progress'], queryFn: api.inProgress, refetchInterval: IN_PROGRESS_POLL_MS });
}

export function usePaymentsReport(bucket: 'hour' | 'day') {
  return useQuery({
    queryKey: [ADMIN, 'payments-report', bucket],
    queryFn: () => api.paymentsReport(bucket),
    refetchInterval: REPORTS_POLL_MS,
    placeholderData: (previous) => previous,
  });
}
