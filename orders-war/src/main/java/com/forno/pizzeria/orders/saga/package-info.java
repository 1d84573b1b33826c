/**
 * The order saga (ARCHITECTURE.md §6), orchestrated here: replies from stock and payments move the order, each in
 * one transaction with the next commands in the outbox; a sweeper asks again and then compensates, so no order
 * waits forever; decisions are announced with PostgreSQL NOTIFY so that {@code Prefer: wait} answers at once.
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
 * OrderCancelled. Config keys: {@code orders.saga.stock-timeout-seconds} (20),
 * {@code orders.saga.payment-timeout-seconds} (30), {@code orders.saga.max-retries} (2),
 * {@code orders.saga.hold-margin-seconds} (15), {@code orders.saga.sweep-ms} (2000).
 */
package com.forno.pizzeria.orders.saga;
