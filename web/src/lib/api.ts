// The one typed client of the public API (shared/design/API.md), used by every feature. Same origin as the app:
// the gateway serves both. It keeps the session going: an access token that is over, or one the API answers 401
// to, is renewed with the refresh token (one refresh at a time, shared by the requests and tabs that need it), and
// the request is sent once more.
import { accessTokenOver, endSession, expireSession, getSession, renewSession, storedSession, type Session } from './session';
import type { DocumentedPath } from './contract';
import { parseProblem, type Problem } from './problem';
import type {
  ChatReply, DeadLetterQueue, DeadLetterService, InProgressReport, Ingredient, LoginAnswer, MenuItem, Movement,
  MovementType, NewOrder, Order, OrderFilter, OrderStatus, Page, Payment, PaymentsReport, Product, ProductRequest,
  Recommendation, Registration, Role, SalesReport, TokenAnswer, User,
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
  let session = auth ? getSession() : null;
  if (session?.refreshToken && accessTokenOver(session)) session = await renewWithRefreshToken(session);
  const send = (s: Session | null) => {
    const all: Record<string, string> = { Accept: 'application/json, application/problem+json', ...headers };
    if (body !== undefined) all['Content-Type'] = 'application/json';
    if (s) all.Authorization = `Bearer ${s.accessToken}`;
    return call(path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body), signal });
  };
  let response = await send(session);
  if (response.status === 401 && session?.refreshToken) {
    const renewed = await renewWithRefreshToken(session);
    if (renewed && renewed.accessToken !== session.accessToken) {
      session = renewed;
      response = await send(renewed);
    } else if (!renewed) {
      session = null; // the session has already ended (refused refresh token, or signed out): nothing more to end
    }
  }
  const text = await response.text();
  if (!response.ok) {
    if (response.status === 401 && session) expireSession();
    throw new ApiError(parseProblem(response.status, response.headers.get('Content-Type'), text));
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

async function call(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: 'Network error' });
  }
}

/** A form-encoded POST to the token or revocation endpoint (RFC 6749, RFC 7009): no bearer token. */
function postForm(path: string, form: Record<string, string>): Promise<Response> {
  return call(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

let renewing: Promise<Session | null> | null = null;

/**
 * A session with an access token newer than `stale`'s, or null when the session has ended (then expired, unless it
 * was signed out). Single-flight: the requests that need it meanwhile share one refresh; across tabs, a lock (where
 * the browser has Web Locks) and reading storage again first mean that a refresh token another tab has already
 * rotated is never presented again (that would end the session: refresh tokens are good once). A refresh that could
 * not be made (network, 429, 5xx) throws an ApiError and keeps the session for the next try.
 */
export function renewWithRefreshToken(stale: Session): Promise<Session | null> {
  renewing ??= acrossTabs(() => refresh(stale)).finally(() => {
    renewing = null;
  });
  return renewing;
}

/** `task` while no other tab of this app runs it (Web Locks), or at once where the browser has no such locks. */
async function acrossTabs<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
  return locks ? await locks.request('pizzeria.session.refresh', task) : task();
}

async function refresh(stale: Session): Promise<Session | null> {
  const current = storedSession();
  if (!current) return null; // signed out, or expired, meanwhile
  if (current.startedAt !== stale.startedAt) return null; // signed in anew meanwhile: not the request's session
  if (current.accessToken !== stale.accessToken && !accessTokenOver(current)) return current; // renewed meanwhile
  const used = current.refreshToken;
  if (!used) {
    expireSession();
    return null;
  }
  const response = await postForm(route('/users/token'), { grant_type: 'refresh_token', refresh_token: used });
  const text = await response.text();
  if (response.ok) {
    const answer = JSON.parse(text) as TokenAnswer;
    const renewed = renewSession(used, answer.access_token, answer.expires_in, answer.refresh_token);
    if (renewed) return renewed;
    void revoke(answer.refresh_token); // signed out (or in anew) while it was refreshing: this one is nobody's
    return null;
  }
  if (response.status === 400 || response.status === 401) {
    // invalid_grant and the like: the session is over (revoked, expired, used elsewhere, account changed)
    if (storedSession()?.refreshToken === used) expireSession(); // unless signed out, or in anew, meanwhile
    return null;
  }
  throw new ApiError(parseProblem(response.status, response.headers.get('Content-Type'), text));
}

/** Ends the session here at once, and on the server (RFC 7009) so that its refresh token is good no more. */
export async function signOut(): Promise<void> {
  const session = storedSession();
  endSession();
  if (session?.refreshToken) await revoke(session.refreshToken);
}

async function revoke(token: string): Promise<void> {
  try {
    await postForm(route('/users/revoke'), { token });
  } catch {
    // signed out here all the same; the token is gone from this browser
  }
}

export const api = {
  signUp: (registration: Registration) => request<User>(route('/users'), { method: 'POST', body: registration, auth: false }),
  signIn: (email: string, password: string) =>
    request<LoginAnswer>(route('/users/login'), { method: 'POST', body: { email, password }, auth: false }),
  me: () => request<User>(route('/users/me')),

  menu: () => request<MenuItem[]>(route('/stock/menu'), { auth: false }),

  placeOrder: (order: NewOrder, idempotencyKey: string, waitSeconds = 10) =>
    request<Order>(route('/orders'), {
      method: 'POST',
      body: order,
      headers: { 'Idempotency-Key': idempotencyKey, Prefer: `wait=${waitSeconds}` },
    }),
  order: (id: string) => request<Order>(route('/orders/{id}', { id })),
  orders: (limit = 20, offset = 0) => request<Page<Order>>(`${route('/orders')}?${query({ limit, offset })}`),
  cancelOrder: (id: string) => request<Order>(route('/orders/{id}/cancel', { id }), { method: 'POST' }),
  payments: (orderId: string) => request<Payment[]>(`${route('/payments')}?${query({ orderId })}`),

  recommendations: (userId: string, limit = 4) =>
    request<Recommendation[]>(`${route('/recommendations/{userId}', { userId })}?${query({ limit })}`),

  // --- the console (kitchen and admin) ---------------------------------------------------------------------------
  ingredients: () => everything<Ingredient>(route('/stock/ingredients')),
  ingredient: (sku: string) => request<Ingredient>(route('/stock/ingredients/{sku}', { sku })),
  ledger: (sku: string, limit = 20, offset = 0) =>
    request<Page<Movement>>(`${route('/stock/ingredients/{sku}/movements', { sku })}?${query({ limit, offset })}`),
  moveStock: (sku: string, type: MovementType, quantity: number, reason: string) =>
    request<Movement>(route('/stock/ingredients/{sku}/movements', { sku }), {
      method: 'POST',
      body: { type, quantity, reason },
    }),
  products: () => everything<Product>(route('/stock/products')),
  product: (id: string) => request<Product>(route('/stock/products/{id}', { id })),
  createProduct: (product: ProductRequest) => request<Product>(route('/stock/products'), { method: 'POST', body: product }),
  updateProduct: (id: string, product: ProductRequest) =>
    request<Product>(route('/stock/products/{id}', { id }), { method: 'PUT', body: product }),
  /** A manual 86: until `until` (an ISO instant), or until lifted. */
  markSoldOut: (productId: string, until?: string) =>
    request<void>(route('/stock/products/{id}/sold-out', { id: productId }), { method: 'POST', body: until ? { until } : {} }),
  liftSoldOut: (productId: string) =>
    request<void>(route('/stock/products/{id}/sold-out', { id: productId }), { method: 'DELETE' }),

  staffOrders: (filter: OrderFilter) => request<Page<Order>>(`${route('/orders')}?${query({ ...filter })}`),
  advanceOrder: (id: string, status: OrderStatus) =>
    request<Order>(route('/orders/{id}/status', { id }), { method: 'POST', body: { status } }),

  users: (search: string, limit = 20, offset = 0) => request<Page<User>>(`${route('/users')}?${query({ query: search, limit, offset })}`),
  /** Ends every session of the user: refresh tokens at once, access tokens at every service within seconds. */
  endSessions: (id: string) => request<void>(route('/users/{id}/sessions', { id }), { method: 'DELETE' }),
  changeRole: (id: string, role: Role) => request<User>(route('/users/{id}/role', { id }), { method: 'PUT', body: { role } }),

  sales: () => request<SalesReport>(route('/reports/sales')),
  inProgress: () => request<InProgressReport>(route('/reports/orders/in-progress')),
  paymentsReport: (bucket: 'hour' | 'day') => request<PaymentsReport>(`${route('/reports/payments')}?${query({ bucket })}`),

  deadLetters: (service: DeadLetterService) => request<DeadLetterQueue[]>(route(`/${service}/dead-letters`)),
  replay: (service: DeadLetterService, queue: string) =>
    request<{ queue: string; replayed: number }>(route(`/${service}/dead-letters/{queue}/replay`, { queue }), { method: 'POST' }),

  chat: (question: string) => request<ChatReply>(route('/chat'), { method: 'POST', body: { question } }),
};

/**
 * A path of the gateway's OpenAPI document (a compile error for any other: see contract.ts), with its `{parameters}`
 * filled in, each encoded.
 */
export function route(template: DocumentedPath, parameters: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = parameters[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}

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
