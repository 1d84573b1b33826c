import { describe, expect, it } from 'vitest';
import {
  addToCart, adminAccount, browserForThisFile, call, checkout, DESKTOP, eventually, fillSignIn, fitsTheScreen, menuItem, moveStock, newCustomer,
  newPizza, onPage, onPages, PHONE, productCard, revokeToken, SEEN_WITHIN, shot, signedInWithCart, signInThroughPage, spoilAccessToken, statusOf,
  storedSession,
} from './support';

const browser = browserForThisFile();

describe('the storefront, in Chromium through the gateway', () => {
  it('a new customer signs up, orders two pizzas with an approved card, sees CONFIRMED, and the order page survives a reload', async () => {
    const pizza = await newPizza(20, 'Cadastro');
    await onPage(browser(), async (page) => {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Cardápio' }).waitFor();
      await productCard(page, pizza.name).waitFor();
      await shot(page, 'storefront-menu-phone');
      expect(await fitsTheScreen(page)).toBe(true);

      await page.getByRole('link', { name: 'Entrar' }).click();
      await page.getByRole('link', { name: 'Criar conta' }).click();
      const email = `carla-${Date.now()}@e2e.example.com`;
      await page.getByLabel('Nome').fill('Carla Mendes');
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Senha').fill('senha-forte-123');
      await page.getByLabel('Telefone').fill('(11) 91234-5678');
      await page.getByLabel('CEP').fill('01310-100');
      await page.getByLabel('Rua').fill('Avenida Paulista');
      await page.getByLabel('Número').fill('1000');
      await page.getByLabel('Bairro').fill('Bela Vista');
      await page.getByLabel('Cidade').fill('São Paulo');
      await page.getByLabel('UF').fill('SP');
      await page.getByRole('button', { name: 'Criar conta' }).click();
      await page.getByRole('button', { name: /^Sair/ }).waitFor();

      await page.goto('/');
      await addToCart(page, pizza.name, 2);
      await page.getByRole('link', { name: /Carrinho: 2 itens/ }).waitFor();

      await page.goto('/carrinho');
      // the address comes from the profile given at sign-up
      expect(await page.getByLabel('Rua').inputValue()).toBe('Avenida Paulista');
      await shot(page, 'storefront-checkout-phone');
      expect(await fitsTheScreen(page)).toBe(true);
      const orderId = await checkout(page, 'Cartão de teste aprovado');
      await page.getByText('Pedido confirmado!').waitFor();
      expect(await statusOf(page)).toBe('Confirmado');
      await page.getByText(`2× ${pizza.name}`).waitFor();
      await shot(page, 'storefront-order-confirmed-phone');

      // a deep link: the gateway answers the app (not the API) and the app finds the order again
      await page.reload();
      await page.getByText('Pedido confirmado!').waitFor();
      expect(await statusOf(page)).toBe('Confirmado');
      expect(page.url()).toContain(`/pedido/${orderId}`);

      await page.getByRole('link', { name: 'Meus pedidos' }).click();
      await page.locator(`a[href="/pedido/${orderId}"]`).waitFor();
    });
  });

  it('a pizza that sells out while the menu is open turns Esgotado without a reload', async () => {
    const pizza = await newPizza(3, 'Esgota');
    await onPage(browser(), async (page) => {
      await page.goto('/');
      const card = productCard(page, pizza.name);
      await card.getByText('restam 3').waitFor();
      const addButton = card.getByRole('button', { name: `Adicionar ${pizza.name} ao carrinho` });
      expect(await addButton.isEnabled()).toBe(true);
      await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

      await moveStock(pizza.sku, 'WASTE', 3);

      await card.getByText('Esgotado').waitFor({ timeout: SEEN_WITHIN });
      expect(await addButton.isDisabled()).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
      await shot(page, 'storefront-menu-sold-out-desktop');
    }, DESKTOP);
  });

  it('a declined card shows the reason, and the stock comes back', async () => {
    const pizza = await newPizza(5, 'Recusa');
    const customer = await newCustomer('Diego');
    await onPage(browser(), async (page) => {
      await signedInWithCart(page, customer, pizza, 2);
      await checkout(page, 'Cartão de teste sem saldo');
      await page.getByText('Pagamento recusado: saldo insuficiente.').waitFor();
      expect(await statusOf(page)).toBe('Cancelado');
      await page.getByText('Nada foi cobrado e os itens voltaram ao estoque.').waitFor();
      await eventually('the menu after the decline', () => menuItem(pizza.productId), (item) => item?.available === 5);
      // the cart is kept, to pay with another card
      await page.goto('/carrinho');
      await page.getByText(pizza.name).waitFor();
    });
  });

  it('an order of a pizza whose stock ran out meanwhile says which ingredient was missing', async () => {
    const pizza = await newPizza(2, 'Falta');
    const customer = await newCustomer('Elisa');
    await onPage(browser(), async (page) => {
      await signedInWithCart(page, customer, pizza, 2);
      await page.goto('/carrinho');
      await page.getByRole('button', { name: 'Finalizar pedido' }).waitFor();
      // the page keeps the menu it has seen (as if the next poll had not come yet) while the stock runs out
      const seen = await (await page.request.get('/stock/menu')).text();
      await page.route('**/stock/menu', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: seen }));
      await moveStock(pizza.sku, 'WASTE', 1);
      await eventually('the menu after the waste', () => menuItem(pizza.productId), (item) => item?.available === 1);

      await page.getByRole('button', { name: 'Finalizar pedido' }).click();
      await page.waitForURL(/\/pedido\//);
      await page.getByRole('alert').getByText('Faltaram ingredientes para o seu pedido.', { exact: true }).waitFor();
      expect(await statusOf(page)).toBe('Recusado');
      const ingredient = pizza.sku.charAt(0) + pizza.sku.slice(1).toLowerCase().replace(/-/g, ' ');
      await page.getByText(`${ingredient}: o pedido precisava de 2, havia 1`).waitFor();
    });
  });

  it('a double-clicked checkout makes one order', async () => {
    const pizza = await newPizza(10, 'Duplo');
    const customer = await newCustomer('Fabio');
    await onPage(browser(), async (page) => {
      await signedInWithCart(page, customer, pizza);
      await page.goto('/carrinho');
      const posts: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/orders') posts.push(r.headers()['idempotency-key'] ?? '');
      });
      await page.getByRole('button', { name: 'Finalizar pedido' }).dblclick();
      await page.waitForURL(/\/pedido\//);
      await page.getByText('Pedido confirmado!').waitFor();
      const { body } = await call<{ total: number }>('GET', '/orders', undefined, customer.token);
      expect(body.total).toBe(1);
      expect(new Set(posts).size).toBe(1);
    });
  });

  it('an access token that stopped being accepted is renewed with the refresh token, and the customer stays', async () => {
    const pizza = await newPizza(10, 'Renovada');
    const customer = await newCustomer('Hugo');
    await onPage(browser(), async (page) => {
      await signedInWithCart(page, customer, pizza);
      const before = await storedSession(page);
      // the token the page holds stops being accepted (as when it has expired)
      await spoilAccessToken(page);
      await page.goto('/carrinho');
      await page.getByText(pizza.name).waitFor();
      await eventually('the session renewed', () => storedSession(page),
        (session) => session.accessToken !== 'expired.token.value');
      const after = await storedSession(page);
      expect(after.refreshToken).toBeTruthy();
      expect(after.refreshToken).not.toBe(before.refreshToken); // rotated on use
      expect(page.url()).toMatch(/\/carrinho$/);
      await page.getByRole('button', { name: /^Sair/ }).waitFor();
    });
  });

  it('a session that has ended sends the customer to sign in again, with the cart kept', async () => {
    const pizza = await newPizza(10, 'Sessao');
    const customer = await newCustomer('Gabi');
    await onPage(browser(), async (page) => {
      await signedInWithCart(page, customer, pizza);
      // the session ends elsewhere (its refresh token revoked) and the access token the page holds is refused
      await revokeToken((await storedSession(page)).refreshToken!);
      await spoilAccessToken(page);
      // the first call the cart page makes (the profile, for the address) is refused, and so is the renewal
      await page.goto('/carrinho');
      await page.waitForURL(/\/entrar\?/);
      await page.getByText('Sua sessão expirou').waitFor();
      await fillSignIn(page, customer);
      await page.waitForURL(/\/carrinho$/);
      await page.getByText(pizza.name).waitFor();
    });
  });
});

describe('the gateway serves the app to browsers only', () => {
  it('an unknown path asked for JSON is a 404 problem, while a browser route is the app', async () => {
    const api = await call<{ status: number; title: string }>('GET', '/pedido/00000000-0000-0000-0000-000000000000');
    expect(api.status).toBe(404);
    expect(api.contentType).toContain('application/problem+json');
    expect(api.body.status).toBe(404);

    const html = await call('GET', '/meus-pedidos', undefined, undefined, { Accept: 'text/html,application/xhtml+xml' });
    expect(html.status).toBe(200);
    expect(html.contentType).toContain('text/html');
    expect(String(html.body)).toContain('<div id="root">');

    await onPage(browser(), async (page) => {
      await page.goto('/admin');
      // the console is a route of the app: signed out, it asks to sign in
      await page.getByRole('heading', { name: 'Entrar' }).waitFor();
      expect(page.url()).toContain('voltar=%2Fadmin');
    });
  });
});

describe('the console', () => {
  it('refuses a customer, and lets the admin restock an ingredient so the pizza is back on sale', async () => {
    const pizza = await newPizza(1, 'Repor');
    await moveStock(pizza.sku, 'WASTE', 1);
    const customer = await newCustomer('Hugo');
    await onPages(browser(), [PHONE, DESKTOP], async ([shopper, owner]) => {
      await signInThroughPage(shopper, customer);
      await shopper.goto('/admin');
      await shopper.getByText('Esta área é só para a equipe da pizzaria.').waitFor();
      const refused = await call('GET', '/stock/ingredients', undefined, customer.token);
      expect(refused.status).toBe(403);

      await shopper.goto('/');
      await productCard(shopper, pizza.name).getByText('Esgotado').waitFor();

      await signInThroughPage(owner, adminAccount);
      await owner.goto('/admin/estoque');
      await owner.getByRole('heading', { name: 'Estoque' }).waitFor();
      await owner.getByRole('row', { name: new RegExp(pizza.sku) }).getByText('baixo').waitFor();
      await shot(owner, 'console-stock-desktop');
      await owner.getByRole('link', { name: `Movimentar Massa ${pizza.sku.slice(4)}` }).click();
      await owner.getByLabel('Tipo').selectOption('RESTOCK');
      await owner.getByLabel('Quantidade (unidades)').fill('4');
      await owner.getByLabel('Motivo').fill('Entrega da massa');
      await owner.getByRole('button', { name: 'Registrar' }).click();
      await owner.getByText('Movimentação registrada').waitFor();
      await eventually('the menu after the restock', () => menuItem(pizza.productId), (item) => item?.available === 4);
      // the ledger shows it, with its reason
      await owner.getByRole('region', { name: 'Histórico de movimentações' }).getByRole('row', { name: /Entrega da massa/ }).waitFor();

      // the shopper's open menu shows it on sale again, without a reload
      await productCard(shopper, pizza.name).getByText('restam 4').waitFor();
    });
  });
});
