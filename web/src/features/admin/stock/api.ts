import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { MovementType } from '../../../lib/types';
import { ADMIN } from '../common';

/** How often the stock screens ask again (orders reserve and consume stock meanwhile). */
export const STOCK_POLL_MS = 5000;

export function useIngredients() {
  return useQuery({ queryKey: [ADMIN, 'ingredients'], queryFn: api.ingredients, refetchInterval: STOCK_POLL_MS });
}

export function useIngredient(sku: string) {
  return useQuery({ queryKey: [ADMIN, 'ingredient', sku], queryFn: () => api.ingredient(sku), refetchInterval: STOCK_POLL_MS });
}

export function useLedger(sku: string, offset: number, limit = 20) {
  return useQuery({
    queryKey: [ADMIN, 'ledger', sku, offset, limit],
    queryFn: () => api.ledger(sku, limit, offset),
    refetchInterval: STOCK_POLL_MS,
    placeholderData: (previous) => previous,
  });
}

export function useProducts() {
  return useQuery({ queryKey: [ADMIN, 'products'], queryFn: api.products, refetchInterval: STOCK_POLL_MS });
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
