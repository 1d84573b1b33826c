/**
 * Ordering: the customer's order, priced from stock's menu (MicroProfile REST Client with Timeout, Retry,
 * CircuitBreaker and a 503 fallback), accepted once per {@code Idempotency-Key}, read by its owner, the kitchen
 * and admins.
 * <p>
 * Publishes {@code ReserveStock} (the saga's first step) and {@code OrderCreated}. Config keys:
 * {@code orders.stock.url} (environment {@code ORDERS_STOCK_URL}; the gateway locally, stock's Service on
 * Kubernetes), {@code orders.menu.cache-ms} (1000). Metrics: see {@link com.forno.pizzeria.orders.ordering.control.OrderMetrics}.
 */
package com.forno.pizzeria.orders.ordering;
