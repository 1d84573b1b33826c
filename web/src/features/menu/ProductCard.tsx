import { useId } from 'react';
import { formatMoney } from '../../lib/format';
import { t } from '../../lib/messages';
import type { MenuItem } from '../../lib/types';
import { isSoldOut } from '../cart/cart';
import { FEW_LEFT } from './api';

export function ProductCard({ item, onAdd }: { item: MenuItem; onAdd: (item: MenuItem) => void }) {
  const titleId = useId();
  const soldOut = isSoldOut(item);
  return (
    <article className={`product${soldOut ? ' sold-out' : ''}`} aria-labelledby={titleId} data-product-id={item.productId}>
      <div className="product-text">
        <h3 id={titleId}>{item.name}</h3>
        {item.description && <p className="description">{item.description}</p>}
      </div>
      <div className="product-buy">
        <span className="price">{formatMoney(item.priceCents)}</span>
        {soldOut ? (
          <span className="badge badge-sold-out">{t.soldOut}</span>
        ) : (
          item.available <= FEW_LEFT && <span className="badge badge-few">{t.left(item.available)}</span>
        )}
        <button type="button" className="add" disabled={soldOut} aria-label={t.addTo(item.name)} onClick={() => onAdd(item)}>
          {t.add}
        </button>
      </div>
    </article>
  );
}
