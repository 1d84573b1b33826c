import { Link, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Loading } from '../../components/Loading';
import { ApiError } from '../../lib/api';
import { formatDateTime, formatTime } from '../../lib/format';
import { declineReason, orderReason, orderStatus, t } from '../../lib/messages';
import { problemMessage } from '../../lib/problem';
import type { Order } from '../../lib/types';
import { isSoldOut } from '../cart/cart';
import { useMenu } from '../menu/api';
import { useAddToCart } from '../menu/MenuPage';
import { ForYou } from '../recommendations/ForYou';
import { customerMayCancel, isFinal, useCancelOrder, useOrder, usePayments } from './api';
import { OrderContents } from './OrderContents';
import { ShortageList } from './ShortageList';

export function StatusBadge({ status }: { status: Order['status'] }) {
  return <span className={`status status-${status.toLowerCase()}`}>{orderStatus[status]}</span>;
}

function Outcome({ order }: { order: Order }) {
  const declined = order.reason === 'PAYMENT_DECLINED';
  const payments = usePayments(order.id, declined);
  const menu = useMenu();
  if (order.status === 'REJECTED' || order.status === 'CANCELLED') {
    const payment = payments.data?.find((p) => p.status === 'DECLINED') ?? payments.data?.find((p) => p.reason);
    const soldOutNow = (menu.data ?? []).filter((m) => isSoldOut(m) && order.items.some((i) => i.productId === m.productId));
    return (
      <Alert kind="error">
        <p>{order.reason ? orderReason[order.reason] : orderStatus[order.status]}</p>
        {declined && payment?.reason && <p>{t.declinedBecause(declineReason[payment.reason] ?? payment.reason)}</p>}
        <ShortageList shortages={order.shortages} title={<p>{t.missing}:</p>} />
        {soldOutNow.length > 0 && <p>Esgotado agora: {soldOutNow.map((m) => m.name).join(', ')}.</p>}
        {(declined || order.reason === 'OUT_OF_STOCK') && <p>{t.stockBack}</p>}
        <p>
          <Link to="/carrinho">Voltar ao carrinho</Link>
        </p>
      </Alert>
    );
  }
  if (order.status === 'PENDING' || order.status === 'AWAITING_PAYMENT') return <Alert kind="info">{t.orderWaiting}</Alert>;
  return <Alert kind="success">{order.status === 'DELIVERED' ? 'Pedido entregue. Bom apetite!' : t.orderConfirmed}</Alert>;
}

export function OrderPage() {
  const { id = '' } = useParams();
  const order = useOrder(id);
  const cancel = useCancelOrder(id);
  const menu = useMenu();
  const { add } = useAddToCart();

  if (order.isPending) return <Loading />;
  if (order.isError) {
    const error = order.error;
    return (
      <section>
        <h1>Pedido</h1>
        <Alert kind="error">
          {error instanceof ApiError && error.status === 404 ? 'Pedido não encontrado.' : error instanceof ApiError ? problemMessage(error.problem) : t.genericError}
        </Alert>
        <Link to="/meus-pedidos">{t.myOrders}</Link>
      </section>
    );
  }
  const o = order.data;
  const confirmed = ['CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY', 'DELIVERED'].includes(o.status);
  return (
    <section className="order">
      <h1>
        {t.orderTitle(o.id)} <StatusBadge status={o.status} />
      </h1>
      <div aria-live="polite">
        <Outcome order={o} />
      </div>
      {!isFinal(o) && <p className="hint">Esta página se atualiza sozinha.</p>}
      <OrderContents order={o} heading="h2" at={formatTime} />
      <p className="hint">Feito em {formatDateTime(o.createdAt)}</p>
      {customerMayCancel(o) && (
        <ConfirmButton question={t.cancelConfirm} onConfirm={() => cancel.mutate()} busy={cancel.isPending} danger>
          {t.cancelOrder}
        </ConfirmButton>
      )}
      {cancel.isError && (
        <Alert kind="error">
          {cancel.error instanceof ApiError
            ? problemMessage(cancel.error.problem, { 409: 'Não dá mais para cancelar: o pedido já foi confirmado.' })
            : t.genericError}
        </Alert>
      )}
      {confirmed && (
        <ForYou menu={menu.data ?? []} onAdd={add} limit={3} />
      )}
    </section>
  );
}
