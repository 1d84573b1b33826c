import type { NewOrder } from '../../lib/types';
import { attemptFor, fingerprint, loadAttempt, saveAttempt, uuid } from './attempt';

const order: NewOrder = { items: [{ productId: 'p1', quantity: 2 }], payment: { cardToken: 'tok_approved' } };

describe('checkout attempts', () => {
  it('reuses the key for the same body, whatever order its keys were written in', () => {
    let n = 0;
    const key = () => `k${++n}`;
    const first = attemptFor(order, null, key);
    const again = attemptFor({ payment: { cardToken: 'tok_approved' }, items: [{ quantity: 2, productId: 'p1' }] }, first, key);
    expect(again).toBe(first);
    expect(first.key).toBe('k1');
  });

  it('takes a new key when anything in the body changes', () => {
    const first = attemptFor(order, null);
    const otherCard = attemptFor({ ...order, payment: { cardToken: 'tok_declined' } }, first);
    expect(otherCard.key).not.toBe(first.key);
    expect(attemptFor({ ...order, items: [{ productId: 'p1', quantity: 3 }] }, first).key).not.toBe(first.key);
  });

  it('keeps the attempt across a reload of the page (sessionStorage)', () => {
    const attempt = attemptFor(order, null);
    saveAttempt(attempt);
    expect(loadAttempt()).toEqual(attempt);
    saveAttempt(null);
    expect(loadAttempt()).toBeNull();
  });

  it('makes version 4 UUIDs, also where crypto.randomUUID is missing', () => {
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      expect(uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
    expect(fingerprint({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });
});
