import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';
import { saveCart } from './features/cart/store';
import { endSession } from './lib/session';

// the console is loaded on demand (a dynamic import): on a busy machine the first render of a file takes seconds
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  endSession();
  saveCart([]);
  localStorage.clear();
  sessionStorage.clear();
});
