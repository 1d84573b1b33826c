/// <reference types="vitest" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is served by the gateway at / (storefront) and /admin (console), beside the API, so it calls the API
// on its own origin. `npm run dev` proxies the API to a running stack (PIZZERIA_GATEWAY, default :8080).
const gateway = process.env.PIZZERIA_GATEWAY ?? 'http://127.0.0.1:8080';
const apiPrefixes = ['/users', '/orders', '/stock', '/payments', '/recommendations', '/chat', '/reports'];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: Object.fromEntries(apiPrefixes.map((prefix) => [prefix, { target: gateway, changeOrigin: false }])),
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
    // a shared 2-core machine: rendering a whole page with user-event takes seconds there
    testTimeout: 15_000,
  },
});
