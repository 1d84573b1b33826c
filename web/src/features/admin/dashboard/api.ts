import { api } from '../../../lib/api';
import { useConsoleQuery } from '../common';

/** The live count of orders on their way: asked again this often. */
export const IN_PROGRESS_POLL_MS = 5000;
/** Sales and payments move with every order: asked again this often. */
export const REPORTS_POLL_MS = 15_000;

export function useSales() {
  return useConsoleQuery(['sales'], api.sales, { poll: REPORTS_POLL_MS });
}

export function useInProgress() {
  return useConsoleQuery(['in-progress'], api.inProgress, { poll: IN_PROGRESS_POLL_MS });
}

export function usePaymentsReport(bucket: 'hour' | 'day') {
  return useConsoleQuery(['payments-report', bucket], () => api.paymentsReport(bucket), { poll: REPORTS_POLL_MS, keepPrevious: true });
}
