import { Link } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { ApiError } from '../../lib/api';
import { formatDateTime, formatMoney } from '../../lib/format';
import { t } from '../../lib/messages';
import { problemMessage } from '../../lib/problem';
import { useMyOrders } from './api';
import { StatusBadge } from './OrderPage';

export function MyOrdersPage() {
  const orders = useMyOrders();
  if (orders.isPending) return <Loading />;
  if (orders.isError)
    return <Alert kind="error">{orders.error instanceof ApiError ? problemMessage(orders.error.problem) : t.genericError}</Alert>;
  const list = [...orders.data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section>
      <h1>{t.myOrders}</h1>
      {list.length === 0 && <p>{t.noOrders}</p>}
      <ul className="my-orders">
        {list.map((o) => (
          <li key={o.id}>
            <Link to={`/pedido/${o.id}`}>
              <span>{formatDateTime(o.createdAt)}</span>
              <span>{o.items.map((i) => `${i.quantity}× ${i.name}`).join(', ')}</span>
              <span className="price">{formatMoney(o.totalCents)}</span>
              <StatusBadge status={o.status} />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
