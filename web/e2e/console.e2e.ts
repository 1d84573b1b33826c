import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  admin, call, eventually, launch, newCustomer, newPage, newPizza, newStaff, placeOrder, shot, signInThroughPage, statusOf,
} from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const desktop = { width: 1280, height: 900 };

/** "R$ 84,00" as a pattern: Intl puts a no-break space after the symbol. */
function money(cents: number): RegExp {
  const reais = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 2 }).format(cents / 100);
  return new RegExp(`R\\$\\s${reais.replace(/\./g, '\\.')}`);
}

interface SalesDay {
  day: string;
  orders: number;
  revenueCents: number;
}

async function salesToday(): Promise<SalesDay> {
  const { body } = await call<{ days: SalesDay[] }>('GET', '/reports/sales', undefined, await admin());
  return body.days[body.days.length - 1]!;
}

describe('the console, in Chromium through the gateway', () => {
  it('the kitchen moves an order to DELIVERED on its board, and the customer’s open order page shows it', async () => {
    const pizza = await newPizza(10, 'Cozinha');
    const customer = await newCustomer('Igor');
    const cook = await newStaff('kitchen', 'Kaio');
    const order = await placeOrder(customer, [{ productId: pizza.productId, quantity: 2 }]);
    expect(order.status).toBe('CONFIRMED');
    const title = `Pedido ${order.id.slice(0, 8)}`;

    const shopper = await newPage(browser);
    const kitchen = await newPage(browser, desktop);
    try {
      await signInThroughPage(shopper.page, customer);
      await shopper.page.goto(`/pedido/${order.id}`);
      await shopper.page.getByText('Pedido confirmado!').waitFor();

      await signInThroughPage(kitchen.page, cook);
      await kitchen.page.goto('/admin');
      // kitchen staff have the board only
      await kitchen.page.waitForURL(/\/admin\/cozinha$/);
      const menu = kitchen.page.getByRole('navigation', { name: 'Console' });
      expect(await menu.getByRole('link').allTextContents()).toEqual(['Cozinha']);

      const column = (name: string) => kitchen.page.getByRole('region', { name: new RegExp(`^${name}`) });
      await column('Confirmado').getByRole('article', { name: title }).getByRole('button', { name: 'Começar preparo' }).click();
      await column('Em preparo').getByRole('article', { name: title }).getByRole('button', { name: 'Saiu para entrega' }).click();
      const out = column('Saiu para entrega').getByRole('article', { name: title });
      await out.waitFor();
      await kitchen.page.evaluate(() => window.scrollTo(0, 0)); // the sticky header stays on top of the picture
      await shot(kitchen.page, 'console-kitchen-desktop');
      await out.getByRole('button', { name: 'Entregue' }).click();
      await kitchen.page.getByRole('article', { name: title }).waitFor({ state: 'detached' });

      // the customer's page, open all along, follows by itself
      await shopper.page.getByText('Pedido entregue. Bom apetite!').waitFor();
      expect(await statusOf(shopper.page)).toBe('Entregue');
      const { body } = await call<{ timeline: { status: string }[] }>('GET', `/orders/${order.id}`, undefined, customer.token);
      expect(body.timeline.map((s) => s.status).slice(-3)).toEqual(['PREPARING', 'OUT_FOR_DELIVERY', 'DELIVERED']);

      // any other part of the console sends them back to the board, and the API refuses them anyway
      await kitchen.page.goto('/admin/estoque');
      await kitchen.page.waitForURL(/\/admin\/cozinha$/);
      expect((await call('GET', '/stock/ingredients', undefined, cook.token)).status).toBe(403);
      expect((await call('GET', '/reports/sales', undefined, cook.token)).status).toBe(403);
    } finally {
      await shopper.context.close();
      await kitchen.context.close();
    }
  });

  it('the dashboard shows the sales of an order once it is confirmed', async () => {
    const pizza = await newPizza(3, 'Painel');
    const customer = await newCustomer('Lara');
    const before = await salesToday();
    // a declined card first (a failed payment, no sale; the stock comes back), then a sale that leaves 1 of 3
    const declined = await placeOrder(customer, [{ productId: pizza.productId, quantity: 1 }], 'tok_insufficient_funds');
    expect(declined.status).toBe('CANCELLED');
    const order = await placeOrder(customer, [{ productId: pizza.productId, quantity: 2 }]);
    expect(order.status).toBe('CONFIRMED');
    // the read side counts it within moments
    const after = await eventually('today’s sales', salesToday, (d) => d.revenueCents >= before.revenueCents + order.totalCents);

    const owner = await newPage(browser, desktop);
    try {
      await signInThroughPage(owner.page, {
        email: process.env.PIZZERIA_E2E_ADMIN_EMAIL ?? 'admin@e2e.local',
        password: process.env.PIZZERIA_E2E_ADMIN_PASSWORD ?? 'E2e-admin-passw0rd',
      });
      await owner.page.goto('/admin');
      const sales = owner.page.getByRole('region', { name: 'Vendas por dia' });
      await sales.getByTestId('sales-today').filter({ hasText: money(after.revenueCents) }).waitFor();
      await sales.getByTestId('sales-today').filter({ hasText: `${after.orders} pedido` }).waitFor();
      // the bars are drawn (one per day of the 30), and the other three pictures are there
      expect(await sales.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
      await owner.page.getByRole('region', { name: 'Pedidos em processamento' }).getByText(/em andamento/).waitFor();
      // today's approved payments make a rate (a single day with attempts is a dot, not yet a line)
      await owner.page.getByRole('region', { name: 'Taxa de falha de pagamentos' }).locator('.big-number').filter({ hasText: /\d%/ }).waitFor();
      // its only ingredient is now at its threshold (1 left): low, and it allows one more of the pizza
      await owner.page.getByRole('region', { name: 'Estoque baixo' }).getByRole('row', { name: new RegExp(pizza.sku) }).getByText(`1 × ${pizza.name}`).waitFor();
      await shot(owner.page, 'console-dashboard-desktop');
    } finally {
      await owner.context.close();
    }
  });
});
