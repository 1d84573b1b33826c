import { describe, expect, it } from 'vitest';
import {
  admin, adminAccount, browserForThisFile, call, DESKTOP, eventually, newCustomer, newPizza, newStaff, onPage, onPages, PHONE, placeOrder, shot,
  signInThroughPage, statusOf,
} from './support';

const browser = browserForThisFile();

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

    await onPages(browser(), [PHONE, DESKTOP], async ([shopper, kitchen]) => {
      await signInThroughPage(shopper, customer);
      await shopper.goto(`/pedido/${order.id}`);
      await shopper.getByText('Pedido confirmado!').waitFor();

      await signInThroughPage(kitchen, cook);
      await kitchen.goto('/admin');
      // kitchen staff have the board only
      await kitchen.waitForURL(/\/admin\/cozinha$/);
      const menu = kitchen.getByRole('navigation', { name: 'Console' });
      expect(await menu.getByRole('link').allTextContents()).toEqual(['Cozinha']);

      const column = (name: string) => kitchen.getByRole('region', { name: new RegExp(`^${name}`) });
      await column('Confirmado').getByRole('article', { name: title }).getByRole('button', { name: 'Começar preparo' }).click();
      await column('Em preparo').getByRole('article', { name: title }).getByRole('button', { name: 'Saiu para entrega' }).click();
      const out = column('Saiu para entrega').getByRole('article', { name: title });
      await out.waitFor();
      await kitchen.evaluate(() => window.scrollTo(0, 0)); // the sticky header stays on top of the picture
      await shot(kitchen, 'console-kitchen-desktop');
      await out.getByRole('button', { name: 'Entregue' }).click();
      await kitchen.getByRole('article', { name: title }).waitFor({ state: 'detached' });

      // the customer's page, open all along, follows by itself
      await shopper.getByText('Pedido entregue. Bom apetite!').waitFor();
      expect(await statusOf(shopper)).toBe('Entregue');
      const { body } = await call<{ timeline: { status: string }[] }>('GET', `/orders/${order.id}`, undefined, customer.token);
      expect(body.timeline.map((s) => s.status).slice(-3)).toEqual(['PREPARING', 'OUT_FOR_DELIVERY', 'DELIVERED']);

      // any other part of the console sends them back to the board, and the API refuses them anyway
      await kitchen.goto('/admin/estoque');
      await kitchen.waitForURL(/\/admin\/cozinha$/);
      expect((await call('GET', '/stock/ingredients', undefined, cook.token)).status).toBe(403);
      expect((await call('GET', '/reports/sales', undefined, cook.token)).status).toBe(403);
    });
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

    await onPage(browser(), async (owner) => {
      await signInThroughPage(owner, adminAccount);
      await owner.goto('/admin');
      const sales = owner.getByRole('region', { name: 'Vendas por dia' });
      await sales.getByTestId('sales-today').filter({ hasText: money(after.revenueCents) }).waitFor();
      await sales.getByTestId('sales-today').filter({ hasText: `${after.orders} pedido` }).waitFor();
      // the bars are drawn (one per day of the 30), and the other three pictures are there
      expect(await sales.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
      await owner.getByRole('region', { name: 'Pedidos em processamento' }).getByText(/em andamento/).waitFor();
      // today's approved payments make a rate (a single day with attempts is a dot, not yet a line)
      await owner.getByRole('region', { name: 'Taxa de falha de pagamentos' }).locator('.big-number').filter({ hasText: /\d%/ }).waitFor();
      // its only ingredient is now at its threshold (1 left): low, and it allows one more of the pizza
      await owner.getByRole('region', { name: 'Estoque baixo' }).getByRole('row', { name: new RegExp(pizza.sku) }).getByText(`1 × ${pizza.name}`).waitFor();
      await shot(owner, 'console-dashboard-desktop');
    }, DESKTOP);
  });
});
