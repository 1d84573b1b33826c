// The cart as plain values and pure functions: what the store keeps and the tests check.
import type { MenuItem, NewOrder } from '../../lib/types';

export interface CartLine {
  productId: string;
  name: string;
  unitPriceCents: number;
  quantity: number;
}

export type Cart = CartLine[];

/** The orders API takes at most 20 of a product and 20 lines per order. */
export const MAX_QUANTITY = 20;
export const MAX_LINES = 20;

export type AddResult = { cart: Cart; added: boolean; limit?: number };

/** One more of a product, unless it is sold out or the cart already holds as many as can be made. */
export function addItem(cart: Cart, item: MenuItem, quantity = 1): AddResult {
  if (isSoldOut(item)) return { cart, added: false, limit: 0 };
  const limit = Math.min(MAX_QUANTITY, item.available);
  const existing = cart.find((line) => line.productId === item.productId);
  const current = existing?.quantity ?? 0;
  if (current + quantity > limit) return { cart, added: false, limit };
  if (!existing && cart.length >= MAX_LINES) return { cart, added: false, limit: 0 };
  if (existing) {
    return {
      cart: cart.map((line) => (line === existing ? { ...line, quantity: current + quantity, unitPriceCents: item.priceCents } : line)),
      added: true,
    };
  }
  return {
    cart: [...cart, { productId: item.productId, name: item.name, unitPriceCents: item.priceCents, quantity }],
    added: true,
  };
}

/** A quantity below 1 removes the line; above the maximum is held at it. */
export function setQuantity(cart: Cart, productId: string, quantity: number): Cart {
  if (quantity < 1) return removeItem(cart, productId);
  return cart.map((line) => (line.productId === productId ? { ...line, quantity: Math.min(quantity, MAX_QUANTITY) } : line));
}

export function removeItem(cart: Cart, productId: string): Cart {
  return cart.filter((line) => line.productId !== productId);
}

export function cartCount(cart: Cart): number {
  return cart.reduce((sum, line) => sum + line.quantity, 0);
}

export function cartTotalCents(cart: Cart): number {
  return cart.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
}

export function isSoldOut(item: Pick<MenuItem, 'soldOut' | 'available'>): boolean {
  return item.soldOut || item.available <= 0;
}

/** Prices and names as the menu says now (the server prices the order from the menu anyway). */
export function refreshFromMenu(cart: Cart, menu: MenuItem[]): Cart {
  const byId = new Map(menu.map((item) => [item.productId, item]));
  let changed = false;
  const next = cart.map((line) => {
    const item = byId.get(line.productId);
    if (item && (item.priceCents !== line.unitPriceCents || item.name !== line.name)) {
      changed = true;
      return { ...line, unitPriceCents: item.priceCents, name: item.name };
    }
    return line;
  });
  return changed ? next : cart;
}

export interface CartProblem {
  productId: string;
  name: string;
  kind: 'soldOut' | 'tooMany' | 'gone';
  available: number;
}

/** Lines that cannot be ordered as they are, by the current menu. */
export function cartProblems(cart: Cart, menu: MenuItem[]): CartProblem[] {
  const byId = new Map(menu.map((item) => [item.productId, item]));
  const problems: CartProblem[] = [];
  for (const line of cart) {
    const item = byId.get(line.productId);
    if (!item) problems.push({ productId: line.productId, name: line.name, kind: 'gone', available: 0 });
    else if (isSoldOut(item)) problems.push({ productId: line.productId, name: line.name, kind: 'soldOut', available: 0 });
    else if (line.quantity > item.available)
      problems.push({ productId: line.productId, name: line.name, kind: 'tooMany', available: item.available });
  }
  return problems;
}

export function toOrderItems(cart: Cart): NewOrder['items'] {
  return cart.map(({ productId, quantity }) => ({ productId, quantity }));
}

/** Whatever localStorage held, a valid cart (lines it cannot read are dropped). */
export function parseCart(raw: string | null): Cart {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (line): line is CartLine =>
        !!line &&
        typeof line.productId === 'string' &&
        typeof line.name === 'string' &&
        Number.isInteger(line.unitPriceCents) &&
        Number.isInteger(line.quantity) &&
        line.quantity > 0,
    );
  } catch {
    return [];
  }
}
