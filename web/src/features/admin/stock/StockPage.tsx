import { Link } from 'react-router-dom';
import { formatQuantity } from '../../../lib/format';
import { a } from '../../../lib/messages';
import { QueryView } from '../common';
import { useIngredients } from './api';

/** Every ingredient: available (what orders may still take), on hand, reserved, its minimum, and the low flag. */
export function StockPage() {
  const ingredients = useIngredients();
  return (
    <section aria-labelledby="stock">
      <h2 id="stock">{a.stock}</h2>
      <QueryView query={ingredients}>
        {(data) => (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>{a.ingredient}</th>
                  <th>{a.available}</th>
                  <th>{a.onHand}</th>
                  <th>{a.reserved}</th>
                  <th>{a.threshold}</th>
                  <th>
                    <span className="sr-only">{a.movement}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((i) => (
                  <tr key={i.sku} className={i.low ? 'low' : undefined}>
                    <th scope="row">
                      {i.name} <small>{i.sku}</small> {i.low && <span className="badge badge-few">{a.low}</span>}
                    </th>
                    <td>{formatQuantity(i.available, i.unit)}</td>
                    <td>{formatQuantity(i.onHand, i.unit)}</td>
                    <td>{formatQuantity(i.reserved, i.unit)}</td>
                    <td>{formatQuantity(i.lowStockThreshold, i.unit)}</td>
                    <td>
                      <Link to={`/admin/estoque/${encodeURIComponent(i.sku)}`} aria-label={`${a.movement} ${i.name}`}>
                        {a.movement}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </section>
  );
}
