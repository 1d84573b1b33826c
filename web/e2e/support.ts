// What the end-to-end tests share: the stack's gateway, an admin and customers through the API (to make test
// data), and Debian's Chromium through playwright-core (no browser is ever downloaded).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const gateway = (process.env.PIZZERIA_E2E_GATEWAY ?? 'http://127.0.0.1:48080').replace(/\/$/, '');
const adminEmail = process.env.PIZZERIA_E2E_ADMIN_EMAIL ?? 'admin@e2e.local';
const adminPassword = process.env.PIZZERIA_E2E_ADMIN_PASSWORD ?? 'E2e-admin-passw0rd';
const chromiumPath = process.env.PIZZERIA_E2E_CHROMIUM ?? '/usr/bin/chromium';

const here = dirname(fileURLToPath(import.meta.url));
export const screenshotDir = resolve(here, '..', 'target', 'e2e', 'screenshots');

/** How long the page may take to show what the stack decided (menu polling is 3 s, order polling 2 s). */
export const SEEN_WITHIN = 20_000;

export async function launch(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`no Chromium at ${chromiumPath}: install Debian's chromium (bin/pizzeria test does) or set PIZZERIA_E2E_CHROMIUM`);
  }
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Chromium for the tests of one file: launched before the first, closed after the last. */
export function browserForThisFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not launched yet: call the browser inside a test');
    return browser;
  };
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
type Viewport = typeof PHONE;

/** A fresh browser profile (its own localStorage), phone-sized unless told otherwise, in Portuguese. */
export async function newPage(browser: Browser, viewport: Viewport = PHONE): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: gateway, viewport, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
  context.setDefaultTimeout(SEEN_WITHIN);
  const page = await context.newPage();
  return { context, page };
}

/** `steps` on fresh pages, one per viewport (each its own profile), closed afterwards whatever happens. */
export async function onPages<V extends Viewport[]>(browser: Browser, viewports: [...V], steps: (pages: { [K in keyof V]: Page }) => Promise<void>) {
  const opened: BrowserContext[] = [];
  try {
    const pages: Page[] = [];
    for (const viewport of viewports) {
      const { context, page } = await newPage(browser, viewport);
      opened.push(context);
      pages.push(page);
    }
    await steps(pages as { [K in keyof V]: Page });
  } finally {
    for (const context of opened) await context.close();
  }
}

/** `steps` on one fresh page (phone-sized unless told otherwise), closed afterwards whatever happens. */
export async function onPage(browser: Browser, steps: (page: Page) => Promise<void>, viewport = PHONE) {
  await onPages(browser, [viewport], ([page]) => steps(page));
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), fullPage: true });
}

// --- the API, as a client would call it ------------------------------------------------------------------------

export async function call<T = unknown>(method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T; contentType: string | null }> {
  const response = await fetch(gateway + path, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T, contentType: response.headers.get('Content-Type') };
}

/** Ends a session as any client may (RFC 7009: a form with the token); the answer is 200 whatever the token was. */
export async function revokeToken(token: string) {
  const response = await fetch(gateway + '/users/revoke', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  if (response.status !== 200) throw new Error(`revoking a token answered ${response.status}`);
}

async function ok<T>(answer: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`${what} answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

export async function signInApi(email: string, password: string): Promise<string> {
  const answer = await ok(call<{ accessToken: string }>('POST', '/users/login', { email, password }), `sign-in of ${email}`);
  return answer.accessToken;
}

/** The stack's administrator, as the launcher made them. */
export const adminAccount = { email: adminEmail, password: adminPassword };

let adminToken: string | undefined;
export async function admin(): Promise<string> {
  adminToken ??= await signInApi(adminEmail, adminPassword);
  return adminToken;
}

export const address = {
  street: 'Rua Augusta', number: '500', district: 'Consolação', city: 'São Paulo', state: 'SP', postalCode: '01305-000',
};

export interface Customer {
  id: string;
  name: string;
  email: string;
  password: string;
  token: string;
}

export async function newCustomer(first = 'Bruna'): Promise<Customer> {
  const email = `${first.toLowerCase()}-${randomUUID().slice(0, 8)}@e2e.example.com`;
  const password = 'senha-de-teste-1';
  const name = `${first} Teste`;
  const user = await ok(call<{ id: string }>('POST', '/users', { name, email, password, phone: '(11) 98765-4321', address }), `sign-up of ${email}`);
  return { id: user.id, name, email, password, token: await signInApi(email, password) };
}

/** A new account made kitchen staff (or admin) by the admin, signed in again afterwards with its new role. */
export async function newStaff(role: 'kitchen' | 'admin', first = 'Kaio'): Promise<Customer> {
  const person = await newCustomer(first);
  await ok(call('PUT', `/users/${person.id}/role`, { role }, await admin()), `role ${role} for ${person.email}`);
  // a role change ends the person's sessions: sign in after it, in a later second than the change
  await new Promise((r) => setTimeout(r, 1100));
  return { ...person, token: await signInApi(person.email, person.password) };
}

/** An order placed through the API (an approved test card unless told), waited for until it is decided. */
export async function placeOrder(customer: Customer, items: { productId: string; quantity: number }[], cardToken = 'tok_approved'): Promise<{ id: string; status: string; totalCents: number }> {
  const placed = await ok(
    call<{ id: string; status: string; totalCents: number }>('POST', '/orders', { items, deliveryAddress: address, payment: { cardToken } }, customer.token, {
      'Idempotency-Key': randomUUID(),
      Prefer: 'wait=10',
    }),
    'an order',
  );
  return eventually(
    `order ${placed.id}`,
    async () => (await call<{ id: string; status: string; totalCents: number }>('GET', `/orders/${placed.id}`, undefined, customer.token)).body,
    (order) => order.status !== 'PENDING' && order.status !== 'AWAITING_PAYMENT',
  );
}

export interface TestPizza {
  productId: string;
  name: string;
  sku: string;
}

/** A pizza of the test's own, made of one ingredient of its own (`units` of it in stock, one per pizza). */
export async function newPizza(units: number, label = 'Teste'): Promise<TestPizza> {
  const token = await admin();
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const sku = `E2E-${tag}`;
  const name = `Pizza ${label} ${tag}`;
  await ok(call('POST', '/stock/ingredients', { sku, name: `Massa ${tag}`, unit: 'unit', onHand: units, lowStockThreshold: 1, safetyBuffer: 0 }, token), `ingredient ${sku}`);
  const product = await ok(
    call<{ id: string }>('POST', '/stock/products', {
      name, description: 'Feita para os testes de ponta a ponta', category: 'PIZZA', priceCents: 4200, recipe: [{ sku, quantity: 1 }], active: true,
    }, token),
    `product ${name}`,
  );
  return { productId: product.id, name, sku };
}

export async function moveStock(sku: string, type: 'RESTOCK' | 'WASTE' | 'ADJUSTMENT', quantity: number) {
  await ok(call('POST', `/stock/ingredients/${sku}/movements`, { type, quantity, reason: 'e2e' }, await admin()), `${type} of ${sku}`);
}

export async function menuItem(productId: string) {
  const { body } = await call<{ productId: string; available: number; soldOut: boolean }[]>('GET', '/stock/menu');
  return body.find((item) => item.productId === productId);
}

/** Waits (bounded) until `check` holds, polling; fails with the last value seen. */
export async function eventually<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = SEEN_WITHIN): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

// --- the pages, as a person uses them ----------------------------------------------------------------------------

export function productCard(page: Page, name: string): Locator {
  return page.getByRole('article', { name, exact: true });
}

/** Fills the sign-in form the page shows, and sends it. */
export async function fillSignIn(page: Page, person: Pick<Customer, 'email' | 'password'>) {
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Senha').fill(person.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

export async function signInThroughPage(page: Page, person: Pick<Customer, 'email' | 'password'>, path = '/entrar') {
  await page.goto(path);
  await fillSignIn(page, person);
  await page.getByRole('button', { name: /^Sair/ }).waitFor();
}

/** A customer signed in on the page, with `times` of the pizza in the cart (from the menu, as they would). */
export async function signedInWithCart(page: Page, customer: Customer, pizza: Pick<TestPizza, 'name'>, times = 1) {
  await signInThroughPage(page, customer);
  await page.goto('/');
  await addToCart(page, pizza.name, times);
}

/** The session the app keeps in the page's localStorage. */
export async function storedSession(page: Page): Promise<{ accessToken: string; refreshToken?: string }> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('pizzeria.session')!));
}

/** The access token the page holds stops being accepted (as when it has expired); its refresh token stays. */
export async function spoilAccessToken(page: Page) {
  await page.evaluate(() => {
    const session = JSON.parse(localStorage.getItem('pizzeria.session')!);
    localStorage.setItem('pizzeria.session', JSON.stringify({ ...session, accessToken: 'expired.token.value' }));
  });
}

export async function addToCart(page: Page, name: string, times = 1) {
  const card = productCard(page, name);
  for (let i = 0; i < times; i++) {
    await card.getByRole('button', { name: `Adicionar ${name} ao carrinho` }).click();
  }
}

export async function checkout(page: Page, cardLabel: string) {
  await page.goto('/carrinho');
  await page.getByLabel('Cartão (teste)').selectOption({ label: cardLabel });
  await page.getByRole('button', { name: 'Finalizar pedido' }).click();
  await page.waitForURL(/\/pedido\/[0-9a-f-]{36}$/);
  return page.url().split('/pedido/')[1]!;
}

export async function statusOf(page: Page): Promise<string> {
  return (await page.locator('h1 .status').textContent()) ?? '';
}

/** Nothing wider than the screen: no sideways scrolling on a phone. */
export async function fitsTheScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
