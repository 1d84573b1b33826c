// The client (api.ts) checked against the gateway's OpenAPI document, api-document/openapi.json (the live document,
// as ApiDocumentIT proves in the system tests). `npm run typecheck` first turns the document into types
// (openapi-typescript, src/lib/openapi.gen.ts), then fails when the client calls a path the document does not list
// (api.ts builds every URL with `route`), when a documented answer lacks a field the client reads or types it
// otherwise, or when the client sends a field that the documented request does not take. So a change of the API
// that the document does not show, or a client that expects more than the document promises, breaks the build.
import type { paths } from './openapi.gen';
import type {
  ChatReply, DeadLetterQueue, InProgressReport, Ingredient, LoginAnswer, MenuItem, Movement, NewOrder, Order, OrderItem,
  Page, Payment, PaymentsReport, Product, ProductRequest, Recommendation, Registration, SalesReport, TokenAnswer, User,
} from './types';

export type DocumentedPath = keyof paths;

type Method = 'get' | 'post' | 'put' | 'delete';
type Operation<P extends DocumentedPath, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON of the operation's success answer (200, 201 or 202), `undefined` when it has none (204). */
type SuccessJson<O> = O extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer J } } } ? J
    : R extends { 201: { content: { 'application/json': infer J } } } ? J
      : R extends { 202: { content: { 'application/json': infer J } } } ? J
        : undefined
  : never;
type RequestJson<O> = O extends { requestBody?: infer B } ? (NonNullable<B> extends { content: { 'application/json': infer J } } ? J : never) : never;
type RequestForm<O> = O extends { requestBody?: infer B }
  ? (NonNullable<B> extends { content: { 'application/x-www-form-urlencoded': infer F } } ? F : never)
  : never;

type Primitive = string | number | boolean | bigint | symbol | null | undefined;
type Kind<T> = T extends string ? 'string' : T extends number ? 'number' : T extends boolean ? 'boolean' : 'other';

/**
 * Every value of `From` is one `To` takes: the same JSON type, and, where `From` is an enumeration, each of its values
 * one of `To`'s (a plain string or number says nothing more than its type).
 */
type Within<From, To> = [From] extends [never]
  ? true
  : [Kind<From>] extends [Kind<To>]
    ? string extends From ? true : number extends From ? true : [From] extends [To] ? true : false
    : false;

/** What the document says the server sends (D) has every field the client reads (M), typed alike. */
type Covers<D, M> = [NonNullable<M>] extends [Primitive]
  ? Within<NonNullable<D>, NonNullable<M>>
  : [NonNullable<M>] extends [readonly (infer MI)[]]
    ? [NonNullable<D>] extends [readonly (infer DI)[]] ? Covers<DI, MI> : false
    : AllTrue<{ [K in keyof NonNullable<M>]-?: K extends keyof NonNullable<D> ? Covers<NonNullable<D>[K], NonNullable<M>[K]> : false }>;

/** What the document says the server takes (D) has every field the client sends (S), typed alike. */
type Takes<D, S> = [NonNullable<S>] extends [Primitive]
  ? Within<NonNullable<S>, NonNullable<D>>
  : [NonNullable<S>] extends [readonly (infer SI)[]]
    ? [NonNullable<D>] extends [readonly (infer DI)[]] ? Takes<DI, SI> : false
    : AllTrue<{ [K in keyof NonNullable<S>]-?: K extends keyof NonNullable<D> ? Takes<NonNullable<D>[K], NonNullable<S>[K]> : false }>;

type AllTrue<T> = [T[keyof T]] extends [true] ? true : false;

/** The documented answer of `M P` has what the client reads as `T`. */
type Reads<P extends DocumentedPath, M extends Method, T> = [Operation<P, M>] extends [never] ? false : Covers<SuccessJson<Operation<P, M>>, T>;
/** The documented request of `M P` takes what the client sends as `B`. */
type Sends<P extends DocumentedPath, M extends Method, B> = [Operation<P, M>] extends [never] ? false : Takes<RequestJson<Operation<P, M>>, B>;
/** The documented form of `M P` (the OAuth 2.0 endpoints) takes what the client sends as `F`. */
type SendsForm<P extends DocumentedPath, M extends Method, F> = [Operation<P, M>] extends [never] ? false : Takes<RequestForm<Operation<P, M>>, F>;
/** The documented call `M P` exists (its answer, if any, is not read). */
type Exists<P extends DocumentedPath, M extends Method> = [Operation<P, M>] extends [never] ? false : true;

type Holds<T extends true> = T;

/** Every call of `api` (api.ts): what it reads, and what it sends. */
export type Contract = [
  Holds<Reads<'/users', 'post', User>>,
  Holds<Sends<'/users', 'post', Registration>>,
  Holds<Reads<'/users/login', 'post', LoginAnswer>>,
  Holds<Sends<'/users/login', 'post', { email: string; password: string }>>,
  Holds<Reads<'/users/me', 'get', User>>,
  Holds<Reads<'/users', 'get', Page<User>>>,
  Holds<Reads<'/users/{id}/role', 'put', User>>,
  Holds<Sends<'/users/{id}/role', 'put', { role: string }>>,
  Holds<Exists<'/users/{id}/sessions', 'delete'>>,
  Holds<Reads<'/users/token', 'post', TokenAnswer>>,
  Holds<SendsForm<'/users/token', 'post', { grant_type: string; refresh_token: string }>>,
  Holds<SendsForm<'/users/revoke', 'post', { token: string }>>,

  Holds<Reads<'/stock/menu', 'get', MenuItem[]>>,
  Holds<Reads<'/stock/ingredients', 'get', Page<Ingredient>>>,
  Holds<Reads<'/stock/ingredients/{sku}', 'get', Ingredient>>,
  Holds<Reads<'/stock/ingredients/{sku}/movements', 'get', Page<Movement>>>,
  Holds<Reads<'/stock/ingredients/{sku}/movements', 'post', Movement>>,
  Holds<Sends<'/stock/ingredients/{sku}/movements', 'post', { type: string; quantity: number; reason: string }>>,
  Holds<Reads<'/stock/products', 'get', Page<Product>>>,
  Holds<Reads<'/stock/products/{id}', 'get', Product>>,
  Holds<Reads<'/stock/products', 'post', Product>>,
  Holds<Sends<'/stock/products', 'post', ProductRequest>>,
  Holds<Reads<'/stock/products/{id}', 'put', Product>>,
  Holds<Sends<'/stock/products/{id}', 'put', ProductRequest>>,
  Holds<Sends<'/stock/products/{id}/sold-out', 'post', { until?: string }>>,
  Holds<Exists<'/stock/products/{id}/sold-out', 'delete'>>,

  Holds<Reads<'/orders', 'post', Order>>,
  Holds<Sends<'/orders', 'post', NewOrder>>,
  Holds<Reads<'/orders', 'get', Page<Order>>>,
  Holds<Reads<'/orders/{id}', 'get', Order>>,
  Holds<Reads<'/orders/{id}/cancel', 'post', Order>>,
  Holds<Reads<'/orders/{id}/status', 'post', Order>>,
  Holds<Sends<'/orders/{id}/status', 'post', { status: string }>>,
  Holds<Reads<'/payments', 'get', Payment[]>>,

  Holds<Reads<'/recommendations/{userId}', 'get', Recommendation[]>>,
  Holds<Reads<'/chat', 'post', ChatReply>>,
  Holds<Sends<'/chat', 'post', { question: string }>>,

  Holds<Reads<'/reports/sales', 'get', SalesReport>>,
  Holds<Reads<'/reports/orders/in-progress', 'get', InProgressReport>>,
  Holds<Reads<'/reports/payments', 'get', PaymentsReport>>,

  Holds<Reads<'/orders/dead-letters', 'get', DeadLetterQueue[]>>,
  Holds<Reads<'/stock/dead-letters', 'get', DeadLetterQueue[]>>,
  Holds<Reads<'/payments/dead-letters', 'get', DeadLetterQueue[]>>,
  Holds<Reads<'/users/dead-letters', 'get', DeadLetterQueue[]>>,
  Holds<Reads<'/orders/dead-letters/{queue}/replay', 'post', { queue: string; replayed: number }>>,
];

/**
 * And the checks can fail: each of these must not hold (tsc reports an unused `@ts-expect-error` the day one does).
 */
export type Refused = [
  // @ts-expect-error a field the documented answer does not have
  Holds<Reads<'/users/me', 'get', User & { nickname: string }>>,
  // @ts-expect-error a field the document types otherwise
  Holds<Reads<'/users/me', 'get', Omit<User, 'name'> & { name: number }>>,
  // @ts-expect-error a field the document does not have, deep inside a list of the answer
  Holds<Reads<'/orders/{id}', 'get', Omit<Order, 'items'> & { items: (OrderItem & { toppings: string[] })[] }>>,
  // @ts-expect-error a field the documented request does not take
  Holds<Sends<'/orders', 'post', NewOrder & { discountCents: number }>>,
  // @ts-expect-error a method the document does not list for the path
  Holds<Exists<'/orders/{id}', 'delete'>>,
  // @ts-expect-error a path the document does not list
  Holds<Exists<'/pizzas', 'get'>>,
  // @ts-expect-error a form field the documented form does not take
  Holds<SendsForm<'/users/token', 'post', { grant_type: string; client_assertion: string }>>,
];
