import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Figures } from '../../../components/Figures';
import { Table } from '../../../components/Table';
import { formatDateTime, formatQuantity } from '../../../lib/format';
import { a, ledgerTypes } from '../../../lib/messages';
import type { Ingredient } from '../../../lib/types';
import { Pager, QueryView, RecordView } from '../common';
import { useIngredient, useLedger } from './api';
import { MovementForm } from './MovementForm';
import { INGREDIENT_FIGURES, LowBadge } from './ingredient';

const LEDGER_PAGE = 20;

function signed(value: number, unit: string): string {
  return value > 0 ? `+${formatQuantity(value, unit)}` : formatQuantity(value, unit);
}

/** One ingredient: its figures, the movement form, and its ledger (newest first). */
export function IngredientPage() {
  const { sku = '' } = useParams();
  const ingredient = useIngredient(sku);
  return (
    <RecordView query={ingredient} notFound={a.ingredientNotFound} back={{ to: '/admin/estoque', label: a.back }}>
      {(i) => (
        <section aria-labelledby="ingredient">
          <p>
            <Link to="/admin/estoque">← {a.stock}</Link>
          </p>
          <h2 id="ingredient">
            {i.name} <small className="hint">{i.sku}</small> {i.low && <LowBadge />}
          </h2>
          <Figures figures={INGREDIENT_FIGURES.map((f) => ({ label: f.label, value: f.of(i) }))} />
          <h3>{a.movement}</h3>
          <MovementForm ingredient={i} />
          <Ledger ingredient={i} />
        </section>
      )}
    </RecordView>
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
            <Table
              head={[a.when, a.movementType, a.change, a.after, a.reason]}
              rows={data.items}
              rowKey={(m) => m.id}
              cells={(m) => [
                formatDateTime(m.at),
                ledgerTypes[m.type] ?? m.type,
                <>
                  {m.onHandDelta !== 0 && <span>{a.onHand}: {signed(m.onHandDelta, unit)}</span>}
                  {m.onHandDelta !== 0 && m.reservedDelta !== 0 && <br />}
                  {m.reservedDelta !== 0 && <span>{a.reserved}: {signed(m.reservedDelta, unit)}</span>}
                </>,
                <>
                  {formatQuantity(m.onHandAfter, unit)}
                  {m.reservedAfter !== 0 && <small className="hint"> ({a.reserved.toLowerCase()} {formatQuantity(m.reservedAfter, unit)})</small>}
                </>,
                <>
                  {m.reason}
                  {m.orderId && (
                    <>
                      {' '}
                      <Link to={`/admin/pedidos/${m.orderId}`}>
                        {a.order} {m.orderId.slice(0, 8)}
                      </Link>
                    </>
                  )}
                </>,
              ]}
            />
            <Pager offset={offset} limit={LEDGER_PAGE} total={data.total} shown={data.items.length} onOffset={setOffset} />
          </>
        )}
      </QueryView>
    </section>
  );
}
