import type { Ingredient, Product } from '../../../lib/types';

export interface LowStockLine {
  ingredient: Ingredient;
  /** The active products that use it, and how many of each its available stock alone still allows (fewest first). */
  allows: { productId: string; name: string; units: number }[];
}

/**
 * The ingredients under their threshold (the stock service's `low`), the scarcest first (available over threshold),
 * each with how many units of every active product its available stock still allows: ⌊available ÷ recipe quantity⌋.
 */
export function lowStock(ingredients: Ingredient[], products: Product[]): LowStockLine[] {
  return ingredients
    .filter((i) => i.low)
    .map((ingredient) => ({
      ingredient,
      allows: products
        .filter((p) => p.active)
        .flatMap((p) => {
          const line = p.recipe.find((r) => r.sku === ingredient.sku);
          return line && line.quantity > 0
            ? [{ productId: p.id, name: p.name, units: Math.floor(Math.max(0, ingredient.available) / line.quantity) }]
            : [];
        })
        .sort((x, y) => x.units - y.units || x.name.localeCompare(y.name)),
    }))
    .sort((x, y) => ratio(x.ingredient) - ratio(y.ingredient) || x.ingredient.sku.localeCompare(y.ingredient.sku));
}

function ratio(i: Ingredient): number {
  return Math.max(0, i.available) / Math.max(1, i.lowStockThreshold);
}
