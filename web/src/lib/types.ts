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
