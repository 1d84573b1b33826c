import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { MovementType } from '../../../lib/types';
import { ADMIN, useConsoleQuery } from '../common';

/** How often the stock screens ask again (orders reserve and consume stock meanwhile). */
export const STOCK_POLL_MS = 5000;

export function useIngredients() {
  return useConsoleQuery(['ingredients'], api.ingredients, { poll: STOCK_POLL_MS });
}

export function useIngredient(sku: string) {
  return useConsoleQuery(['ingredient', sku], () => api.ingredient(sku), { poll: STOCK_POLL_MS });
}

export function useLedger(sku: string, offset: number, limit = 20) {
  return useConsoleQuery(['ledger', sku, offset, limit], () => api.ledger(sku, limit, offset), { poll: STOCK_POLL_MS, keepPrevious: true });
}

export function useProducts() {
  return useConsoleQuery(['products'], api.products, { poll: STOCK_POLL_MS });
}

/** After a change of stock or products: the console and the menu both ask again. */
export function useStockChanged() {
  const client = useQueryClient();
  return () => {
    client.invalidateQueries({ queryKey: [ADMIN] });
    client.invalidateQueries({ queryKey: ['menu'] });
  };
}

export function useMoveStock(sku: string) {
  const changed = useStockChanged();
  return useMutation({
    mutationFn: (m: { type: MovementType; quantity: number; reason: string }) => api.moveStock(sku, m.type, m.quantity, m.reason),
    onSuccess: changed,
  });
}
