/**
 * Holding ingredients for orders: the saga's stock step, consumed from {@code stock.commands}.
 * <ul>
 * <li>ReserveStock: the need per ingredient is summed over the order's lines; unknown, inactive or 86'd products
 * are refused (StockRejected PRODUCT_UNAVAILABLE); the ingredients are locked once each, in sku order, and either
 * every one has enough free (on_hand − reserved − safety_buffer ≥ needed) and all are held (RESERVE lines,
 * reservation HELD until now + {@code stock.reservation.ttl-seconds}, StockReserved), or nothing changes and
 * StockRejected OUT_OF_STOCK lists the shortages {sku, needed, available}. An order that has a reservation already
 * is answered again from it: HELD/COMMITTED → StockReserved (same expiresAt), RELEASED → StockRejected CANCELLED,
 * EXPIRED → StockRejected EXPIRED, REJECTED → the same rejection. Lines that make no sense → INVALID_REQUEST.</li>
 * <li>CommitReservation: HELD → COMMITTED, and the held quantities leave on_hand and reserved (SALE) when a sweeper
 * settles the sale, within {@code stock.settle.interval-ms}, with other orders' sales under one lock of each
 * ingredient: an order locks its ingredient rows once. The free quantity is the same before and after. Otherwise
 * logged and ignored.</li>
 * <li>ReleaseReservation: HELD → RELEASED (RELEASE). Before any reservation: a RELEASED tombstone, so the late
 * ReserveStock is refused. COMMITTED: ignored; a sale is final, reusable ingredients come back by an ADJUSTMENT.</li>
 * <li>Expiry: a sweeper on each instance expires HELD reservations past expires_at (EXPIRE), SKIP LOCKED.</li>
 * </ul>
 * Each command runs in the platform's one JTA transaction with its inbox row and its outbox answer; a failure
 * rolls all back and the message is redelivered (dead-lettered after the delivery limit). Commands about one order
 * are serialised across instances by a transaction-scoped advisory lock on the order id.
 * <p>
 * Consumes: ReserveStock, CommitReservation, ReleaseReservation. Publishes: StockReserved, StockRejected (to
 * orders), and through {@code alerts} StockLow and ProductAvailabilityChanged. Metrics: {@code stock.reservations}
 * {outcome}, {@code stock.reservations.rejected}{reason}. Config keys: {@code stock.reservation.ttl-seconds}
 * (600), {@code stock.sweep.interval-ms} (2000), {@code stock.settle.interval-ms} (250),
 * {@code stock.sweep.batch-size} (50).
 */
package com.forno.pizzeria.stock.reservations;
