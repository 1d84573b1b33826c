/**
 * The order saga (ARCHITECTURE.md §6), orchestrated here and declared on one screen in {@code control.SagaStep}: for
 * each step the command sent, the replies awaited and the handler each goes to, what a cancel gives back, and how
 * long the answer may take. Replies from stock and payments move the order, each in one transaction with the next
 * commands in the outbox; a sweeper asks again and then compensates, so no order waits forever; decisions are
 * announced with PostgreSQL NOTIFY so that {@code Prefer: wait} answers at once.
 * <p>
 * One step may follow CONFIRMED: stock answers ReservationLost when the OrderConfirmed reached it after the hold
 * expired and the ingredients had gone to other orders (stock or the broker was down longer than the hold had
 * left). The customer has paid for food that may not be made, so a CONFIRMED order is cancelled (OUT_OF_STOCK, the
 * shortages recorded) and VoidPayment gives the money back; counted in
 * {@code orders_cancelled_after_confirmation_total{reason}}. Once the kitchen has started, the food exists: the
 * order goes on, and the loss is logged and counted ({@code orders_stock_lost_kept_total{status}}). A repeat, or a
 * loss of an order that is not CONFIRMED, changes nothing: orders never move backwards.
 * <p>
 * Consumes {@code orders.replies}: StockReserved, StockRejected, ReservationLost, PaymentAuthorized,
 * PaymentDeclined. Publishes AuthorizePayment, ReleaseReservation, VoidPayment, OrderConfirmed (bound to stock's and
 * payments' command queues too: it is the reservation's commit and the payment's capture), OrderRejected,
 * OrderCancelled.
 * <p>
 * Transactions on the messaging paths, one way: the EJB at the edge begins one, {@code REQUIRES_NEW} (platform's
 * {@code Deliveries} for each message, with its inbox row; {@code SagaSweeper} for each sweep pass); the handlers
 * ({@code SagaReplies}, {@code PartnerInbox}) mark nothing; the control beans they reach join it and refuse to run
 * without one, {@code @Transactional(MANDATORY)}: on the class where every method is a step of an order
 * ({@code Saga}), else on the methods the handlers call ({@code PartnerOrders.handle},
 * {@code Ordering.placeForPartner}, {@code Projection.apply}). Requests begin theirs in the resource
 * ({@code @Transactional}) or in a {@code REQUIRES_NEW} method ({@code Ordering.place}).
 * <p>
 * Config keys, declared once in {@code control.SagaSettings}:
 * <ul>
 * <li>{@code orders.saga.stock-timeout-seconds} (20): how long stock may take to answer ReserveStock;</li>
 * <li>{@code orders.saga.payment-timeout-seconds} (30): how long payments may take to answer AuthorizePayment;</li>
 * <li>{@code orders.saga.max-retries} (2): how many times an unanswered command is sent again before the order is
 * cancelled (EXPIRED), its stock released and its authorisation voided;</li>
 * <li>{@code orders.saga.hold-margin-seconds} (15): an authorisation on a hold that ends within this margin expires
 * the order rather than confirm on a hold that could end first;</li>
 * <li>{@code orders.saga.sweep-ms} (2000): how often the sweeper looks for overdue answers.</li>
 * </ul>
 */
package com.forno.pizzeria.orders.saga;
