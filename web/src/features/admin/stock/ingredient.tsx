// How an ingredient is shown wherever the console shows it (the stock list, its own page).
import { formatQuantity } from '../../../lib/format';
import { a } from '../../../lib/messages';
import type { Ingredient } from '../../../lib/types';

export function LowBadge() {
  return <span className="badge badge-few">{a.low}</span>;
}

/** What the stock page's columns and an ingredient's own page both show of it, in this order. */
export const INGREDIENT_FIGURES: { label: string; of: (i: Ingredient) => string }[] = [
  { label: a.available, of: (i) => formatQuantity(i.available, i.unit) },
  { label: a.onHand, of: (i) => formatQuantity(i.onHand, i.unit) },
  { label: a.reserved, of: (i) => formatQuantity(i.reserved, i.unit) },
  { label: a.threshold, of: (i) => formatQuantity(i.lowStockThreshold, i.unit) },
];
