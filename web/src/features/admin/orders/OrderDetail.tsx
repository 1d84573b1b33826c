import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { api, ApiError } from '../../../lib/api';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { a, declineReason, orderReason, paymentStatus, t } from '../../../lib/messages';
import { isFinal, useOrder, usePayments } from '../../orders/api';
import { StatusBadge } from '../../orders/OrderPage';
import { OrderContents } from '../../orders/OrderContents';
import { describeShortage } from '../../orders/shortages';
import { ADMIN, problemText } from '../common';

/** One order as the staff see it: timeline, shortages, payments; an admin may cancel it until it is delivered. */
export function OrderDetail() {
  const { id = '' } = useParams();
  const order = useOrder(id);
  const payments = usePayments(id, !!order.data);
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api.cancelOrder(id),
    onSuccess: (cancelled) => {
      client.setQueryData(['order', id], cancelled);
      client.invalidateQueries({ queryKey: [ADMIN] });
      client.invalidateQueries({ queryKey: ['payments', id] });
    },
  });

  if (order.isPending) return <Loading />;
  if (order.isError) {
    return (
      <section>
        <Alert kind="error">
          {order.error instanceof ApiError && order.error.status === 404 ? a.orderNotFound : problemText(order.error)}
        </Alert>
        <Link to="/admin/pedidos">{a.backToOrders}</Link>
      </section>
    );
  }
  const o = order.data;
  return (
    <section aria-labelledby="order" className="order">
      <p>
        <Link to="/admin/pedidos">← {a.orders}</Link>
      </p>
      <h2 id="order">
        {t.orderTitle(o.id)} <StatusBadge status={o.status} />
      </h2>
      <p className="hint">
        <code>{o.id}</code> · {a.customer} <code>{o.customerId}</code> · {a.created} {formatDateTime(o.createdAt)}
      </p>
      {o.reason && <Alert kind={o.status === 'CANCELLED' || o.status === 'REJECTED' ? 'error' : 'info'}>{orderReason[o.reason] ?? o.reason}</Alert>}
      {o.shortages?.length ? (
        <>
          <h3>{a.shortages}</h3>
          <ul className="shortages">
            {o.shortages.map((s) => (
              <li key={s.sku}>{describeShortage(s)}</li>
            ))}
          </ul>
        </>
      ) : null}

      <OrderContents order={o} heading="h3" at={formatDateTime} />

      <h3>{a.payments}</h3>
      {payments.isPending && <Loading />}
      {payments.isError && <Alert kind="error">{problemText(payments.error)}</Alert>}
      {payments.data &&
        (payments.data.length === 0 ? (
          <p>{a.noPayments}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>{a.when}</th>
                  <th>{a.status}</th>
                  <th>{t.total}</th>
                  <th>{a.reason}</th>
                </tr>
              </thead>
              <tbody>
                {payments.data.map((p) => (
                  <tr key={p.id}>
                    <td>{p.createdAt ? formatDateTime(p.createdAt) : ''}</td>
                    <td>{paymentStatus[p.status] ?? p.status}</td>
                    <td>{formatMoney(p.amountCents)}</td>
                    <td>{p.reason ? (declineReason[p.reason] ?? p.reason) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}

      {!isFinal(o) && (
        <button
          type="button"
          className="danger"
          disabled={cancel.isPending}
          onClick={() => {
            if (window.confirm(a.cancelAsAdminConfirm)) cancel.mutate();
          }}
        >
          {a.cancelAsAdmin}
        </button>
      )}
      {cancel.isError && <Alert kind="error">{problemText(cancel.error, { 409: a.tooLateToCancel })}</Alert>}
    </section>
  );
}
