// The public API's shapes (shared/design/API.md). Money is integer cents in BRL; times are ISO-8601 UTC.

export type Role = 'customer' | 'kitchen' | 'admin';

export interface PostalAddress {
  street: string;
  number: string;
  complement?: string | null;
  district: string;
  city: string;
  state: string;
  postalCode: string;
}

export interface User {
  id: string;
  name: string;
  email: string;
  phone?: string | null;
  address?: PostalAddress | null;
  role: Role;
  createdAt: string;
}

export interface Registration {
  name: string;
  email: string;
  password: string;
  phone?: string;
  address?: PostalAddress;
}

export interface LoginAnswer {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken?: string;
}

/** The token endpoint's answer (POST /users/token, RFC 6749 5.1): its own snake_case names. */
export interface TokenAnswer {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
}

export type Category = 'PIZZA' | 'DRINK' | 'DESSERT' | 'SIDE';

export interface MenuItem {
  productId: string;
  name: string;
  description: string;
  category: Category;
  priceCents: number;
  available: number;
  soldOut: boolean;
}

export type OrderStatus =
  | 'PENDING'
  | 'AWAITING_PAYMENT'
  | 'CONFIRMED'
  | 'PREPARING'
  | 'OUT_FOR_DELIVERY'
  | 'DELIVERED'
  | 'REJECTED'
  | 'CANCELLED';

export type OrderReason =
  | 'OUT_OF_STOCK'
  | 'PAYMENT_DECLINED'
  | 'CANCELLED_BY_CUSTOMER'
  | 'CANCELLED_BY_ADMIN'
  | 'EXPIRED';

export interface Shortage {
  sku: string;
  needed: number;
  available: number;
}

export interface OrderItem {
  productId: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
}

export interface Order {
  id: string;
  customerId: string;
  status: OrderStatus;
  reason?: OrderReason | null;
  shortages?: Shortage[] | null;
  items: OrderItem[];
  totalCents: number;
  currency: 'BRL';
  deliveryAddress?: PostalAddress | null;
  timeline: { status: OrderStatus; at: string; reason?: OrderReason | null }[];
  createdAt: string;
}

export interface NewOrder {
  items: { productId: string; quantity: number }[];
  deliveryAddress?: PostalAddress;
  payment: { cardToken: string };
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type PaymentStatus = 'AUTHORIZED' | 'CAPTURED' | 'DECLINED' | 'VOIDED' | 'REFUNDED';

export interface Payment {
  id: string;
  orderId: string;
  status: PaymentStatus;
  amountCents: number;
  reason?: string | null;
  createdAt: string;
}

export interface Recommendation {
  productId: string;
  name: string;
  score: number;
  reason: string;
}

export type Unit = 'g' | 'ml' | 'unit';

export interface Ingredient {
  sku: string;
  name: string;
  unit: Unit;
  onHand: number;
  reserved: number;
  available: number;
  lowStockThreshold: number;
  safetyBuffer: number;
  low: boolean;
}

export interface Product {
  id: string;
  name: string;
  description: string;
  category: Category;
  priceCents: number;
  active: boolean;
  recipe: { sku: string; quantity: number }[];
  available: number;
  soldOut: boolean;
  manuallySoldOut: boolean;
  soldOutUntil?: string | null;
}

export type MovementType = 'RESTOCK' | 'WASTE' | 'ADJUSTMENT';

export const FINAL_STATUSES: readonly OrderStatus[] = ['DELIVERED', 'REJECTED', 'CANCELLED'];

// --- the console's shapes -----------------------------------------------------------------------------------------

/** A line of an ingredient's ledger: the change of on hand and reserved, the balances after it, who, when and why. */
export interface Movement {
  id: string;
  sku: string;
  type: string; // RESTOCK, WASTE, ADJUSTMENT, and the saga's RESERVE, RELEASE, CONSUME…
  onHandDelta: number;
  reservedDelta: number;
  onHandAfter: number;
  reservedAfter: number;
  orderId?: string | null;
  reason?: string | null;
  actor?: string | null;
  at: string;
}

/** What an admin writes for a product (POST and PUT /stock/products). */
export interface ProductRequest {
  name: string;
  description: string;
  category: Category;
  priceCents: number;
  recipe: { sku: string; quantity: number }[];
  active: boolean;
}

/** Kitchen and admin filters of GET /orders (the read side). */
export interface OrderFilter {
  status?: OrderStatus | '';
  day?: string; // YYYY-MM-DD, the pizzeria's local day
  q?: string; // the start of an order id
  limit?: number;
  offset?: number;
}

export interface SalesReport {
  timeZone: string;
  asOf?: string | null;
  days: { day: string; orders: number; units: number; revenueCents: number; averageTicketCents: number }[];
}

export type InProgressStatus = 'PENDING' | 'AWAITING_PAYMENT' | 'CONFIRMED' | 'PREPARING' | 'OUT_FOR_DELIVERY';

export interface InProgressReport {
  asOf?: string | null;
  total: number;
  byStatus: Partial<Record<InProgressStatus, number>>;
  oldestWaitingSeconds: number;
}

export interface PaymentsReport {
  timeZone: string;
  asOf?: string | null;
  buckets: {
    start: string;
    attempts: number;
    approved: number;
    declined: number;
    failureRate: number; // 0..1
    byReason?: Record<string, number> | null;
  }[];
}

export interface DeadLetter {
  messageId?: string | null;
  type?: string | null;
  correlationId?: string | null;
  body?: string | null;
}

/** The services whose dead letters the console shows (each is a path of the document: /<service>/dead-letters). */
export type DeadLetterService = 'orders' | 'stock' | 'payments' | 'users';

export interface DeadLetterQueue {
  queue: string;
  deadLetterQueue: string;
  count: number; // -1 when the broker cannot say
  letters: DeadLetter[];
}

export interface ChatReply {
  answer: string;
  intent: string;
  data?: unknown;
  source?: string;
  /** what the figure is narrowed to: category, product, ingredient, status, customer, compare */
  filters?: Record<string, string>;
  /** what the question named that no tool can filter by (payment_method, neighbourhood...) */
  notFiltered?: string[];
}
