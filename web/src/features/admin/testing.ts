// What the console's component tests share: a signed-in member of staff and the API answering for them.
import './ConsolePage'; // loaded up front: the app loads it on demand, which a test's first render would wait for
import { startSession } from '../../lib/session';
import type { Ingredient, Order, Product, Role } from '../../lib/types';
import { stubApi, type Call } from '../../test-utils';

type Answer = { status: number; body?: unknown } | undefined;

/** Signs in someone with `role` and answers /users/me for them, then asks `handler` for anything else. */
export function asStaff(role: Role, handler: (call: Call) => Answer = () => undefined) {
  startSession(`token-${role}`, 3600);
  return stubApi((call) => {
    if (call.url === '/users/me') return { status: 200, body: { id: `u-${role}`, name: 'Rita Souza', email: 'rita@forno.test', role, createdAt: '2026-11-01T12:00:00Z' } };
    if (call.url === '/stock/menu') return { status: 200, body: [] };
    return handler(call);
  });
}

export function page<T>(items: T[], total = items.length) {
  return { status: 200, body: { items, total, limit: 100, offset: 0 } };
}

export const mozzarella: Ingredient = {
  sku: 'MUCARELA', name: 'Muçarela', unit: 'g', onHand: 1200, reserved: 200, available: 900, lowStockThreshold: 2000, safetyBuffer: 100, low: true,
};
export const tomato: Ingredient = {
  sku: 'MOLHO-TOMATE', name: 'Molho de tomate', unit: 'ml', onHand: 9000, reserved: 0, available: 9000, lowStockThreshold: 1000, safetyBuffer: 0, low: false,
};

export const margherita: Product = {
  id: 'p-margherita', name: 'Margherita', description: 'Molho, muçarela e manjericão', category: 'PIZZA', priceCents: 4590, active: true,
  recipe: [{ sku: 'MUCARELA', quantity: 200 }, { sku: 'MOLHO-TOMATE', quantity: 100 }], available: 4, soldOut: false, manuallySoldOut: false, soldOutUntil: null,
};
export const quattro: Product = {
  id: 'p-quattro', name: 'Quatro queijos', description: '', category: 'PIZZA', priceCents: 5990, active: true,
  recipe: [{ sku: 'MUCARELA', quantity: 300 }], available: 3, soldOut: false, manuallySoldOut: false, soldOutUntil: null,
};

export function order(id: string, status: Order['status'], createdAt = '2026-12-07T22:00:00Z'): Order {
  return {
    id, customerId: 'c1', status, items: [{ productId: 'p-margherita', name: 'Margherita', quantity: 2, unitPriceCents: 4590 }],
    totalCents: 9180, currency: 'BRL', timeline: [{ status: 'PENDING', at: createdAt }, { status, at: createdAt }], createdAt,
    deliveryAddress: { street: 'Rua Augusta', number: '500', district: 'Consolação', city: 'São Paulo', state: 'SP', postalCode: '01305-000' },
  };
}
