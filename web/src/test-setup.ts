import '@testing-library/jest-dom/vitest';
import { saveCart } from './features/cart/store';
import { endSession } from './lib/session';

afterEach(() => {
  endSession();
  saveCart([]);
  localStorage.clear();
  sessionStorage.clear();
});
