import { formatMoney } from '../../lib/format';
import { orderReason, orderStatus, t } from '../../lib/messages';
import type { Order } from '../../lib/types';
import { formatAddress } from '../checkout/address';

/**
 * What an order is, as the customer's order page and the console's order detail both show it: its timeline, its
 * items and total, and where it goes. `at` formats a step's time (the customer sees today's hours; staff the date).
 */
export function OrderContents({ order, heading: Heading, at }: { order: Order; heading: 'h2' | 'h3'; at: (iso: string) => string }) {
  return (
    <>
      <Heading>{t.timeline}</Heading>
      <ol className="timeline">
        {order.timeline.map((step, i) => (
          <li key={`${step.status}-${i}`}>
            <time dateTime={step.at}>{at(step.at)}</time> {orderStatus[step.status] ?? step.status}
            {step.reason && <span className="reason"> — {orderReason[step.reason] ?? step.reason}</span>}
          </li>
        ))}
      </ol>
      <Heading>{t.items}</Heading>
      <ul className="order-items">
        {order.items.map((item) => (
          <li key={item.productId}>
            {item.quantity}× {item.name} <span className="price">{formatMoney(item.quantity * item.unitPriceCents)}</span>
          </li>
        ))}
      </ul>
      <p className="total">
        {t.total}: <strong>{formatMoney(order.totalCents)}</strong>
      </p>
      {order.deliveryAddress && <p>Entrega em: {formatAddress(order.deliveryAddress)}</p>}
    </>
  );
}
