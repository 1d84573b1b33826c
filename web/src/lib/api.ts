// The one typed client of the public API (shared/design/API.md), used by every feature. Same origin as the app:
// the gateway serves both.
import { expireSession, getSession } from './session';
import { parseProblem, type Problem } from './problem';
import type {
  Ingredient, LoginAnswer, MenuItem, MovementType, NewOrder, Order, Page, Payment, Product, Recommendation, Registration,
  User,
} from './types';

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status() {
    return this.problem.status;
  }
}

interface Options {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  auth?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(path: string, { method = 'GET', body, headers = {}, auth = true, signal }: Options = {}): Promise<T> {
  const session = auth ? getSession() : null;
  const all: Record<string, string> = { Accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) all['Content-Type'] = 'application/json';
  if (session) all.Authorization = `Bearer ${session.accessToken}`;
  let response: Response;
  try {
    response = await fetch(path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: 'Network error' });
  }
  const text = await response.text();
  if (!response.ok) {
    if (response.status === 401 && session) expireSession();
    throw new ApiError(parseProblem(response.status, response.headers.get('Content-Type'), text));
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  signUp: (registration: Registration) => request<User>('/users', { method: 'POST', body: registration, auth: false }),
  signIn: (email: string, password: string) =>
    request<LoginAnswer>('/users/login', { method: 'POST', body: { email, password }, auth: false }),
  me: () => request<User>('/users/me'),

  menu: () => request<MenuItem[]>('/stock/menu', { auth: false }),

  placeOrder: (order: NewOrder, idempotencyKey: string, waitSeconds = 10) =>
    request<Order>('/orders', {
      method: 'POST',
      body: order,
      headers: { 'Idempotency-Key': idempotencyKey, Prefer: `wait=${waitSeconds}` },
    }),
  order: (id: string) => request<Order>(`/orders/${encodeURIComponent(id)}`),
  orders: (limit = 20, offset = 0) => request<Page<Order>>(`/orders?limit=${limit}&offset=${offset}`),
  cancelOrder: (id: string) => request<Order>(`/orders/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
  payments: (orderId: string) => request<Payment[]>(`/payments?orderId=${encodeURIComponent(orderId)}`),

  recommendations: (userId: string, limit = 4) =>
    request<Recommendation[]>(`/recommendations/${encodeURIComponent(userId)}?limit=${limit}`),

  ingredients: () => request<Page<Ingredient>>('/stock/ingredients?limit=100'),
  products: () => request<Page<Product>>('/stock/products?limit=100'),
  moveStock: (sku: string, type: MovementType, quantity: number, reason: string) =>
    request<unknown>(`/stock/ingredients/${encodeURIComponent(sku)}/movements`, {
      method: 'POST',
      body: { type, quantity, reason },
    }),
  markSoldOut: (productId: string) =>
    request<void>(`/stock/products/${encodeURIComponent(productId)}/sold-out`, { method: 'POST', body: {} }),
  liftSoldOut: (productId: string) =>
    request<void>(`/stock/products/${encodeURIComponent(productId)}/sold-out`, { method: 'DELETE' }),
};
