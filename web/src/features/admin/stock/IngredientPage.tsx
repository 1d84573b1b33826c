import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { ApiError } from '../../../lib/api';
import { formatDateTime, formatQuantity } from '../../../lib/format';
import { a, ledgerTypes } from '../../../lib/messages';
import type { Ingredient } from '../../../lib/types';
import { Pager, problemText, QueryView } from '../common';
import { useIngredient, useLedger } from './api';
import { MovementForm } from './MovementForm';

const LEDGER_PAGE = 20;

function signed(value: number, unit: string): string {
  return value > 0 ? `+${formatQuantity(value, unit)}` : formatQuantity(value, unit);
}

/** One ingredient: its figures, the movement form, and its ledger (newest first). */
export function IngredientPage() {
  const { sku = '' } = useParams();
  const ingredient = useIngredient(sku);
  if (ingredient.isPending) return <Loading />;
  if (ingredient.isError) {
    return (
      <section>
        <Alert kind="error">
          {ingredient.error instanceof ApiError && ingredient.error.status === 404 ? a.ingredientNotFound : problemText(ingredient.error)}
        </Alert>
        <Link to="/admin/estoque">{a.back}</Link>
      </section>
    );
  }
  const i = ingredient.data;
  return (
    <section aria-labelledby="ingredient">
      <p>
        <Link to="/admin/estoque">← {a.stock}</Link>
      </p>
      <h2 id="ingredient">
        {i.name} <small className="hint">{i.sku}</small> {i.low && <span className="badge badge-few">{a.low}</span>}
      </h2>
      <dl className="figures">
        <div>
          <dt>{a.available}</dt>
          <dd>{formatQuantity(i.available, i.unit)}</dd>
        </div>
        <div>
          <dt>{a.onHand}</dt>
          <dd>{formatQuantity(i.onHand, i.unit)}</dd>
        </div>
        <div>
          <dt>{a.reserved}</dt>
          <dd>{formatQuantity(i.reserved, i.unit)}</dd>
        </div>
        <div>
          <dt>{a.threshold}</dt>
          <dd>{formatQuantity(i.lowStockThreshold, i.unit)}</dd>
        </div>
      </dl>
      <h3>{a.movement}</h3>
      <MovementForm ingredient={i} />
      <Ledger ingredient={i} />
    </section>
  );
}

function Ledger({ ingredient }: { ingredient: Ingredient }) {
  const [offset, setOffset] = useState(0);
  const ledger = useLedger(ingredient.sku, offset, LEDGER_PAGE);
  const unit = ingredient.unit;
  return (
    <section aria-labelledby="ledger">
      <h3 id="ledger">{a.ledger}</h3>
      <QueryView query={ledger}>
        {(data) => (
          <>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th>{a.when}</th>
                    <th>{a.movementType}</th>
                    <th>{a.change}</th>
                    <th>{a.after}</th>
                    <th>{a.reason}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((m) => (
                    <tr key={m.id}>
                      <td>{formatDateTime(m.at)}</td>
                      <td>{ledgerTypes[m.type] ?? m.type}</td>
                      <td>
                        {m.onHandDelta !== 0 && <span>{a.onHand}: {signed(m.onHandDelta, unit)}</span>}
                        {m.onHandDelta !== 0 && m.reservedDelta !== 0 && <br />}
                        {m.reservedDelta !== 0 && <span>{a.reserved}: {signed(m.reservedDelta, unit)}</span>}
                      </td>
                      <td>
                        {formatQuantity(m.onHandAfter, unit)}
                        {m.reservedAfter !== 0 && <small className="hint"> ({a.reserved.toLowerCase()} {formatQuantity(m.reservedAfter, unit)})</small>}
                      </td>
                      <td>
                        {m.reason}
                        {m.orderId && (
                          <>
                            {' '}
                            <Link to={`/admin/pedidos/${m.orderId}`}>
                              {a.order} {m.orderId.slice(0, 8)}
                            </Link>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager offset={offset} limit={LEDGER_PAGE} total={data.total} shown={data.items.length} onOffset={setOffset} />
          </>
        )}
      </QueryView>
    </section>
  );
}
