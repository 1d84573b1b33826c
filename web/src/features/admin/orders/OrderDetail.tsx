import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { Alert } from '../../../components/Alert';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Table } from '../../../components/Table';
import { api } from '../../../lib/api';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { a, declineReason, orderReason, paymentStatus, t } from '../../../lib/messages';
import type { Order } from '../../../lib/types';
import { isFinal, useOrder, usePayments } from '../../orders/api';
import { StatusBadge } from '../../orders/OrderPage';
import { OrderContents } from '../../orders/OrderContents';
import { ShortageList } from '../../orders/ShortageList';
import { ADMIN, problemText, QueryView, RecordView } from '../common';

/** One order as the staff see it: timeline, shortages, payments; an admin may cancel it until it is delivered. */
export function OrderDetail() {
  const { id = '' } = useParams();
  const order = useOrder(id);
  return (
    <RecordView query={order} notFound={a.orderNotFound} back={{ to: '/admin/pedidos', label: a.backToOrders }}>
      {(o) => <StaffOrder o={o} />}
    </RecordView>
  );
}

function StaffOrder({ o }: { o: Order }) {
  const payments = usePayments(o.id, true);
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api.cancelOrder(o.id),
    onSuccess: (cancelled) => {
      client.setQueryData(['order', o.id], cancelled);
      client.invalidateQueries({ queryKey: [ADMIN] });
      client.invalidateQueries({ queryKey: ['payments', o.id] });
    },
  });
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
      <ShortageList shortages={o.shortages} title={<h3>{a.shortages}</h3>} />

      <OrderContents order={o} heading="h3" at={formatDateTime} />

      <h3>{a.payments}</h3>
      <QueryView query={payments} isEmpty={(found) => found.length === 0} empty={<p>{a.noPayments}</p>}>
        {(found) => (
          <Table
            head={[a.when, a.status, t.total, a.reason]}
            rows={found}
            rowKey={(p) => p.id}
            cells={(p) => [
              p.createdAt ? formatDateTime(p.createdAt) : '',
              paymentStatus[p.status] ?? p.status,
              formatMoney(p.amountCents),
              p.reason ? (declineReason[p.reason] ?? p.reason) : '',
            ]}
          />
        )}
      </QueryView>

      {!isFinal(o) && (
        <ConfirmButton question={a.cancelAsAdminConfirm} onConfirm={() => cancel.mutate()} busy={cancel.isPending} danger>
          {a.cancelAsAdmin}
        </ConfirmButton>
      )}
      {cancel.isError && <Alert kind="error">{problemText(cancel.error, { 409: a.tooLateToCancel })}</Alert>}
    </section>
  );
}
