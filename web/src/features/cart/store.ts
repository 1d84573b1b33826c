// The cart lives in localStorage: it survives a reload, a sign-out and an expired session, and tabs share it.
import { useSyncExternalStore } from 'react';
import { parseCart, type Cart } from './cart';

const KEY = 'pizzeria.cart';
const listeners = new Set<() => void>();
let snapshot: Cart | undefined;

export function getCart(): Cart {
  if (snapshot === undefined) snapshot = parseCart(localStorage.getItem(KEY));
  return snapshot;
}

export function saveCart(cart: Cart) {
  if (cart === getCart()) return;
  if (cart.length) localStorage.setItem(KEY, JSON.stringify(cart));
  else localStorage.removeItem(KEY);
  snapshot = cart;
  listeners.forEach((l) => l());
}

export function updateCart(change: (cart: Cart) => Cart) {
  saveCart(change(getCart()));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY || e.key === null) {
      snapshot = undefined;
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useCart(): Cart {
  return useSyncExternalStore(subscribe, getCart);
}
