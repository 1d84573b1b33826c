// The one typed client of the public API (shared/design/API.md), used by every feature. Same origin as the app:
// the gateway serves both.
import { expireSession, getSession } from './session';
import { parseProblem, type Problem } from './problem';
import type {
  ChatReply, DeadLetterQueue, InProgressReport, Ingredient, LoginAnswer, MenuItem, Movement, MovementType, NewOrder, Order,
  OrderFilter, OrderStatus, Page, Payment, PaymentsReport, Product, ProductRequest, Recommendation, Registration, Role,
  SalesReport, User,
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

  // --- the console (kitchen and admin) ---------------------------------------------------------------------------
  ingredients: () => everything<Ingredient>('/stock/ingredients'),
  ingredient: (sku: string) => request<Ingredient>(`/stock/ingredients/${encodeURIComponent(sku)}`),
  ledger: (sku: string, limit = 20, offset = 0) =>
    request<Page<Movement>>(`/stock/ingredients/${encodeURIComponent(sku)}/movements?limit=${limit}&offset=${offset}`),
  moveStock: (sku: string, type: MovementType, quantity: number, reason: string) =>
    request<Movement>(`/stock/ingredients/${encodeURIComponent(sku)}/movements`, {
      method: 'POST',
      body: { type, quantity, reason },
    }),
  products: () => everything<Product>('/stock/products'),
  product: (id: string) => request<Product>(`/stock/products/${encodeURIComponent(id)}`),
  createProduct: (product: ProductRequest) => request<Product>('/stock/products', { method: 'POST', body: product }),
  updateProduct: (id: string, product: ProductRequest) =>
    request<Product>(`/stock/products/${encodeURIComponent(id)}`, { method: 'PUT', body: product }),
  /** A manual 86: until `until` (an ISO instant), or until lifted. */
  markSoldOut: (productId: string, until?: string) =>
    request<void>(`/stock/products/${encodeURIComponent(productId)}/sold-out`, { method: 'POST', body: until ? { until } : {} }),
  liftSoldOut: (productId: string) =>
    request<void>(`/stock/products/${encodeURIComponent(productId)}/sold-out`, { method: 'DELETE' }),

  staffOrders: (filter: OrderFilter) => request<Page<Order>>(`/orders?${query({ ...filter })}`),
  advanceOrder: (id: string, status: OrderStatus) =>
    request<Order>(`/orders/${encodeURIComponent(id)}/status`, { method: 'POST', body: { status } }),

  users: (search: string, limit = 20, offset = 0) => request<Page<User>>(`/users?${query({ query: search, limit, offset })}`),
  changeRole: (id: string, role: Role) => request<User>(`/users/${encodeURIComponent(id)}/role`, { method: 'PUT', body: { role } }),

  sales: () => request<SalesReport>('/reports/sales'),
  inProgress: () => request<InProgressReport>('/reports/orders/in-progress'),
  paymentsReport: (bucket: 'hour' | 'day') => request<PaymentsReport>(`/reports/payments?bucket=${bucket}`),

  deadLetters: (service: string) => request<DeadLetterQueue[]>(`/${service}/dead-letters`),
  replay: (service: string, queue: string) =>
    request<{ queue: string; replayed: number }>(`/${service}/dead-letters/${encodeURIComponent(queue)}/replay`, { method: 'POST' }),

  chat: (question: string) => request<ChatReply>('/chat', { method: 'POST', body: { question } }),
};

/** A query string of the values that are set (empty strings and undefined left out). */
export function query(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/** Every item of a paged list, a page of 100 at a time. */
async function everything<T>(path: string): Promise<Page<T>> {
  const first = await request<Page<T>>(`${path}?limit=100&offset=0`);
  const items = [...first.items];
  while (items.length < first.total) {
    const next = await request<Page<T>>(`${path}?limit=100&offset=${items.length}`);
    if (!next.items.length) break;
    items.push(...next.items);
  }
  return { ...first, items, limit: items.length, offset: 0 };
}
