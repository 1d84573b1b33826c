import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { Options } from '../../../components/Options';
import { Table } from '../../../components/Table';
import { ApiError } from '../../../lib/api';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { a, orderStatus, t } from '../../../lib/messages';
import { fieldErrors } from '../../../lib/problem';
import type { OrderStatus } from '../../../lib/types';
import { StatusBadge } from '../../orders/OrderPage';
import { Pager, QueryView, SearchForm } from '../common';
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
      <SearchForm
        onSearch={() => apply({ ...draft, q: draft.q.trim() })}
        buttons={
          <button type="button" className="link" onClick={() => apply({ q: '', status: '', day: '' })}>
            {a.clear}
          </button>
        }
      >
        <Field label={a.idPrefix} error={errors.q} hint={a.idPrefixHint}>
          <input value={draft.q} autoComplete="off" onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </Field>
        <Field label={a.status} error={errors.status}>
          <select value={draft.status} onChange={(e) => apply({ ...draft, status: e.target.value as OrderStatus | '' })}>
            <option value="">{a.anyStatus}</option>
            <Options values={STATUSES} labels={orderStatus} />
          </select>
        </Field>
        <Field label={a.dayFilter} error={errors.day}>
          <input type="date" value={draft.day} onChange={(e) => apply({ ...draft, day: e.target.value })} />
        </Field>
      </SearchForm>
      {/* a refused filter hides the last list: its violations stand next to the fields */}
      <QueryView query={orders} hideOnError>
        {(found) => (
          <>
            {found.items.length === 0 ? (
              <p>{a.noOrdersFound}</p>
            ) : (
              <Table
                head={[a.order, a.created, t.items, t.total, a.status]}
                rows={found.items}
                rowKey={(o) => o.id}
                rowHeader
                cells={(o) => [
                  <Link to={`/admin/pedidos/${o.id}`}>{o.id.slice(0, 8)}</Link>,
                  formatDateTime(o.createdAt),
                  o.items.map((i) => `${i.quantity}× ${i.name}`).join(', '),
                  formatMoney(o.totalCents),
                  <StatusBadge status={o.status} />,
                ]}
              />
            )}
            <Pager offset={offset} limit={ORDERS_PAGE} total={found.total} shown={found.items.length} onOffset={(next) => apply(filter, next)} />
          </>
        )}
      </QueryView>
    </section>
  );
}
