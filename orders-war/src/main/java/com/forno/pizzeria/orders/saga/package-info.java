/**
 * The order saga (ARCHITECTURE.md §6), orchestrated here: replies from stock and payments move the order, each in
 * one transaction with the next commands in the outbox; a sweeper asks again and then compensates, so no order
 * waits forever; decisions are announced with PostgreSQL NOTIFY so that {@code Prefer: wait} answers at once.
 * <p>
 * Consumes {@code orders.replies}: StockReserved, StockRejected, PaymentAuthorized, PaymentDeclined. Publishes
 * AuthorizePayment, CommitReservation, CapturePayment, ReleaseReservation, VoidPayment, OrderConfirmed,
 * OrderRejected, OrderCancelled. Config keys: {@code orders.saga.stock-timeout-seconds} (20),
 * {@code orders.saga.payment-timeout-seconds} (30), {@code orders.saga.max-retries} (2),
 * {@code orders.saga.hold-margin-seconds} (15), {@code orders.saga.sweep-ms} (2000).
 */
package com.forno.pizzeria.orders.saga;
