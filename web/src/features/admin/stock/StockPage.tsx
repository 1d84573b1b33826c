import { Link } from 'react-router-dom';
import { Table } from '../../../components/Table';
import { a } from '../../../lib/messages';
import { QueryView } from '../common';
import { useIngredients } from './api';
import { INGREDIENT_FIGURES, LowBadge } from './ingredient';

/** Every ingredient: available (what orders may still take), on hand, reserved, its minimum, and the low flag. */
export function StockPage() {
  const ingredients = useIngredients();
  return (
    <section aria-labelledby="stock">
      <h2 id="stock">{a.stock}</h2>
      <QueryView query={ingredients}>
        {(data) => (
          <Table
            head={[a.ingredient, ...INGREDIENT_FIGURES.map((f) => f.label), <span className="sr-only">{a.movement}</span>]}
            rows={data.items}
            rowKey={(i) => i.sku}
            rowClass={(i) => (i.low ? 'low' : undefined)}
            rowHeader
            cells={(i) => [
              <>
                {i.name} <small>{i.sku}</small> {i.low && <LowBadge />}
              </>,
              ...INGREDIENT_FIGURES.map((f) => f.of(i)),
              <Link to={`/admin/estoque/${encodeURIComponent(i.sku)}`} aria-label={`${a.movement} ${i.name}`}>
                {a.movement}
              </Link>,
            ]}
          />
        )}
      </QueryView>
    </section>
  );
}
