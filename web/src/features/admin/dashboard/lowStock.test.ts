import { margherita, mozzarella, quattro, tomato } from '../testing';
import { lowStock } from './lowStock';

describe('low stock', () => {
  it('lists the ingredients under their threshold with how many of each active product they still allow', () => {
    const lines = lowStock([tomato, mozzarella], [margherita, quattro, { ...quattro, id: 'p-off', name: 'Antiga', active: false }]);
    expect(lines.map((l) => l.ingredient.sku)).toEqual(['MUCARELA']);
    // 900 g available: 900 / 300 = 3 Quatro queijos, 900 / 200 = 4 Margherita (fewest first); inactive left out
    expect(lines[0]!.allows).toEqual([
      { productId: 'p-quattro', name: 'Quatro queijos', units: 3 },
      { productId: 'p-margherita', name: 'Margherita', units: 4 },
    ]);
  });

  it('puts the scarcest first and never counts below zero', () => {
    const flour = { ...mozzarella, sku: 'FARINHA', name: 'Farinha', available: -50, lowStockThreshold: 500 };
    const lines = lowStock([mozzarella, flour], [{ ...margherita, recipe: [{ sku: 'FARINHA', quantity: 100 }] }]);
    expect(lines.map((l) => l.ingredient.sku)).toEqual(['FARINHA', 'MUCARELA']);
    expect(lines[0]!.allows[0]!.units).toBe(0);
    expect(lines[1]!.allows).toEqual([]);
  });
});
