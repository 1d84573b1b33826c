import type { MenuItem } from '../../lib/types';
import { addItem, cartCount, cartProblems, cartTotalCents, MAX_QUANTITY, parseCart, refreshFromMenu, removeItem, setQuantity, toOrderItems } from './cart';

const margherita: MenuItem = { productId: 'p1', name: 'Margherita', description: '', category: 'PIZZA', priceCents: 4590, available: 10, soldOut: false };
const guarana: MenuItem = { productId: 'p2', name: 'Guaraná', description: '', category: 'DRINK', priceCents: 790, available: 100, soldOut: false };

describe('cart', () => {
  it('adds a product once and then counts up its quantity', () => {
    let cart = addItem([], margherita).cart;
    cart = addItem(cart, margherita).cart;
    cart = addItem(cart, guarana).cart;
    expect(cart).toEqual([
      { productId: 'p1', name: 'Margherita', unitPriceCents: 4590, quantity: 2 },
      { productId: 'p2', name: 'Guaraná', unitPriceCents: 790, quantity: 1 },
    ]);
    expect(cartCount(cart)).toBe(3);
    expect(cartTotalCents(cart)).toBe(2 * 4590 + 790);
  });

  it('refuses a sold-out product, and one whose stock makes no more', () => {
    expect(addItem([], { ...margherita, soldOut: true })).toEqual({ cart: [], added: false, limit: 0 });
    expect(addItem([], { ...margherita, available: 0 }).added).toBe(false);
    const two = { ...margherita, available: 2 };
    const cart = addItem(addItem([], two).cart, two).cart;
    const third = addItem(cart, two);
    expect(third.added).toBe(false);
    expect(third.limit).toBe(2);
    expect(third.cart).toBe(cart);
  });

  it('never holds more of a product than the orders API accepts', () => {
    const plenty = { ...guarana, available: 1000 };
    let cart = addItem([], plenty, MAX_QUANTITY).cart;
    expect(addItem(cart, plenty).added).toBe(false);
    cart = setQuantity(cart, 'p2', 50);
    expect(cart[0]!.quantity).toBe(MAX_QUANTITY);
  });

  it('removes a line when its quantity drops below one', () => {
    const cart = addItem([], margherita).cart;
    expect(setQuantity(cart, 'p1', 0)).toEqual([]);
    expect(removeItem(addItem(cart, guarana).cart, 'p1').map((l) => l.productId)).toEqual(['p2']);
  });

  it('says which lines the current menu cannot sell', () => {
    const cart = setQuantity(addItem(addItem([], margherita).cart, guarana).cart, 'p2', 5);
    const menu = [{ ...margherita, soldOut: true }, { ...guarana, available: 3 }];
    expect(cartProblems(cart, menu)).toEqual([
      { productId: 'p1', name: 'Margherita', kind: 'soldOut', available: 0 },
      { productId: 'p2', name: 'Guaraná', kind: 'tooMany', available: 3 },
    ]);
    expect(cartProblems(cart, [guarana])[0]!.kind).toBe('gone');
  });

  it('takes the menu’s current price and keeps the same cart when nothing changed', () => {
    const cart = addItem([], margherita).cart;
    expect(refreshFromMenu(cart, [margherita])).toBe(cart);
    expect(refreshFromMenu(cart, [{ ...margherita, priceCents: 4990 }])[0]!.unitPriceCents).toBe(4990);
  });

  it('sends only product and quantity to the orders API', () => {
    expect(toOrderItems(addItem([], margherita).cart)).toEqual([{ productId: 'p1', quantity: 1 }]);
  });

  it('reads back what localStorage holds and drops what it cannot read', () => {
    expect(parseCart(null)).toEqual([]);
    expect(parseCart('not json')).toEqual([]);
    expect(parseCart('{"a":1}')).toEqual([]);
    expect(
      parseCart(JSON.stringify([{ productId: 'p1', name: 'M', unitPriceCents: 100, quantity: 2 }, { productId: 'x', quantity: -1 }])),
    ).toEqual([{ productId: 'p1', name: 'M', unitPriceCents: 100, quantity: 2 }]);
  });
});
