import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Alert, InlineError } from '../../../components/Alert';
import { Table } from '../../../components/Table';
import { api } from '../../../lib/api';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { a, categories, t } from '../../../lib/messages';
import type { Product } from '../../../lib/types';
import { problemText, QueryView } from '../common';
import { useProducts, useStockChanged } from '../stock/api';

/** Every product, active or not: price, how many can be made now, and the manual sold-out (until a time, or lifted). */
export function ProductsPage() {
  const products = useProducts();
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved;
  return (
    <section aria-labelledby="products">
      <div className="section-head">
        <h2 id="products">{a.products}</h2>
        <Link to="/admin/produtos/novo" className="button">
          {a.newProduct}
        </Link>
      </div>
      {saved && <Alert kind="success">{a.saved(saved)}</Alert>}
      <QueryView query={products}>
        {(data) => (
          <Table
            head={[a.name, a.priceHeader, a.canMake, a.sale]}
            rows={data.items}
            rowKey={(p) => p.id}
            rowClass={(p) => (p.active ? undefined : 'inactive')}
            rowHeader
            cells={(p) => [
              <>
                <Link to={`/admin/produtos/${p.id}`} aria-label={a.editProduct(p.name)}>
                  {p.name}
                </Link>{' '}
                <small>
                  {categories[p.category]}
                  {!p.active && ` · ${a.inactive}`}
                </small>
              </>,
              formatMoney(p.priceCents),
              p.available,
              <SoldOutControl product={p} />,
            ]}
          />
        )}
      </QueryView>
    </section>
  );
}

/** The value of an <input type="datetime-local"> (the person's local time) as an ISO instant, or undefined. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function SoldOutControl({ product }: { product: Product }) {
  const changed = useStockChanged();
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: () => (product.manuallySoldOut ? api.liftSoldOut(product.id) : api.markSoldOut(product.id, localInputToIso(until))),
    onSuccess: () => {
      setUntil('');
      setError(null);
      changed();
    },
    onError: (e) => setError(problemText(e)),
  });
  const submit = () => {
    const iso = localInputToIso(until);
    if (!product.manuallySoldOut && iso && new Date(iso).getTime() <= Date.now()) return setError(a.untilPast);
    toggle.mutate();
  };
  return (
    <div className="sold-out-control">
      {product.soldOut && (
        <span className="badge badge-sold-out">
          {product.manuallySoldOut ? (product.soldOutUntil ? a.soldOutUntil(formatDateTime(product.soldOutUntil)) : a.soldOutManual) : t.soldOut}
        </span>
      )}
      {!product.manuallySoldOut && (
        <input
          type="datetime-local"
          aria-label={`${a.until} — ${product.name}`}
          title={a.untilHint}
          value={until}
          onChange={(e) => setUntil(e.target.value)}
        />
      )}
      <button type="button" disabled={toggle.isPending} onClick={submit}>
        {product.manuallySoldOut ? a.liftSoldOut(product.name) : a.markSoldOut(product.name)}
      </button>
      <InlineError>{error}</InlineError>
    </div>
  );
}
