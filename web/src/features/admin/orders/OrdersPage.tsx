import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { ApiError } from '../../../lib/api';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { a, orderStatus, t } from '../../../lib/messages';
import { fieldErrors } from '../../../lib/problem';
import type { OrderStatus } from '../../../lib/types';
import { StatusBadge } from '../../orders/OrderPage';
import { Pager, problemText } from '../common';
import { ORDERS_PAGE, useStaffOrders } from './api';

const STATUSES = Object.keys(orderStatus) as OrderStatus[];

/**
 * Orders, newest first: search by the start of the id, filter by status and by the pizzeria's day. The filters live
 * in the address (?q=&status=&day=&offset=), so a search can be reloaded or shared.
 */
export function OrdersPage() {
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get('q') ?? '',
    status: (params.get('status') ?? '') as OrderStatus | '',
    day: params.get('day') ?? '',
  };
  const offset = Number(params.get('offset') ?? 0) || 0;
  const orders = useStaffOrders({ ...filter, offset });
  const [draft, setDraft] = useState(filter);
  useEffect(() => setDraft(filter), [filter.q, filter.status, filter.day]); // eslint-disable-line react-hooks/exhaustive-deps

  const apply = (next: typeof filter, nextOffset = 0) => {
    const values: Record<string, string> = { ...next, offset: nextOffset ? String(nextOffset) : '' };
    setParams(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')));
  };
  // the API's violations (q, status, day) next to their fields; anything else as one message
  const errors = orders.error instanceof ApiError ? fieldErrors(orders.error.problem) : {};

  return (
    <section aria-labelledby="orders">
      <h2 id="orders">{a.orders}</h2>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          apply({ ...draft, q: draft.q.trim() });
        }}
      >
        <Field label={a.idPrefix} error={errors.q} hint={a.idPrefixHint}>
          <input value={draft.q} autoComplete="off" onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </Field>
        <Field label={a.status} error={errors.status}>
          <select value={draft.status} onChange={(e) => apply({ ...draft, status: e.target.value as OrderStatus | '' })}>
            <option value="">{a.anyStatus}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {orderStatus[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={a.dayFilter} error={errors.day}>
          <input type="date" value={draft.day} onChange={(e) => apply({ ...draft, day: e.target.value })} />
        </Field>
        <div className="filter-buttons">
          <button type="submit">{a.search}</button>
          <button type="button" className="link" onClick={() => apply({ q: '', status: '', day: '' })}>
            {a.clear}
          </button>
        </div>
      </form>
      {orders.isPending && <Loading />}
      {orders.isError && <Alert kind="error">{problemText(orders.error)}</Alert>}
      {orders.data && !orders.isError && (
        <>
          {orders.data.items.length === 0 ? (
            <p>{a.noOrdersFound}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th>{a.order}</th>
                    <th>{a.created}</th>
                    <th>{t.items}</th>
                    <th>{t.total}</th>
                    <th>{a.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {orders.data.items.map((o) => (
                    <tr key={o.id}>
                      <th scope="row">
                        <Link to={`/admin/pedidos/${o.id}`}>{o.id.slice(0, 8)}</Link>
                      </th>
                      <td>{formatDateTime(o.createdAt)}</td>
                      <td>{o.items.map((i) => `${i.quantity}× ${i.name}`).join(', ')}</td>
                      <td>{formatMoney(o.totalCents)}</td>
                      <td>
                        <StatusBadge status={o.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            offset={offset}
            limit={ORDERS_PAGE}
            total={orders.data.total}
            shown={orders.data.items.length}
            onOffset={(next) => apply(filter, next)}
          />
        </>
      )}
    </section>
  );
}
