// One Idempotency-Key per checkout attempt: the same submission (same body) sent again, after a double click, a
// network error or a reload, carries the same key, so the orders API answers with the same order instead of
// making a second one. A different body (another card, address or cart) is a new attempt with a new key.
import type { NewOrder } from '../../lib/types';

export interface Attempt {
  key: string;
  fingerprint: string;
}

const KEY = 'pizzeria.checkout-attempt';

/** JSON with object keys sorted: equal bodies give equal strings whatever the order their keys were set in. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A random UUID v4; crypto.randomUUID exists only on secure origins (a LAN address over http is not one). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function attemptFor(order: NewOrder, previous: Attempt | null, newKey: () => string = uuid): Attempt {
  const print = fingerprint(order);
  return previous && previous.fingerprint === print ? previous : { key: newKey(), fingerprint: print };
}

export function loadAttempt(): Attempt | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Attempt) : null;
  } catch {
    return null;
  }
}

export function saveAttempt(attempt: Attempt | null) {
  if (attempt) sessionStorage.setItem(KEY, JSON.stringify(attempt));
  else sessionStorage.removeItem(KEY);
}
