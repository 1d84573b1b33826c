import type { Shortage } from '../../lib/types';

/** An ingredient's sku as a word a customer can read: MOLHO-TOMATE → "Molho tomate". */
export function ingredientLabel(sku: string): string {
  const words = sku.toLowerCase().replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function describeShortage(s: Shortage): string {
  return `${ingredientLabel(s.sku)}: o pedido precisava de ${s.needed}, havia ${s.available}`;
}
