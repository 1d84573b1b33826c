/**
 * Holding ingredients for orders: the saga's stock step, consumed from {@code stock.commands}.
 * <ul>
 * <li>ReserveStock: the need per ingredient is summed over the order's lines; unknown, inactive or 86'd products
 * are refused (StockRejected PRODUCT_UNAVAILABLE); the ingredients are locked once each, in sku order, and either
 * every one has enough free (on_hand − reserved − safety_buffer ≥ needed) and all are held (RESERVE lines,
 * reservation HELD until now + {@code stock.reservation.ttl-seconds}, StockReserved), or nothing changes and
 * StockRejected OUT_OF_STOCK lists the shortages {sku, needed, available}. An order that has a reservation already
 * is answered again from it: HELD/COMMITTED → StockReserved (same expiresAt), RELEASED → StockRejected CANCELLED,
 * EXPIRED → StockRejected EXPIRED, REJECTED → the same rejection, LOST → StockRejected with the loss's reason.
 * Lines that make no sense → INVALID_REQUEST.</li>
 * <li>CommitReservation: HELD → COMMITTED, and the held quantities leave on_hand and reserved (SALE) when a sweeper
 * settles the sale, within {@code stock.settle.interval-ms}, with other orders' sales under one lock of each
 * ingredient: an order locks its ingredient rows once. The free quantity is the same before and after.
 * <br>A commit can come after the sweeper expired the hold (stock or the broker was down longer than the hold's
 * remaining time), and by then the customer has paid: so EXPIRED is held again like a reservation (ingredient rows
 * locked in sku order, every line within what is free, all or nothing; RESERVE lines "held again for a confirmation
 * that came after the hold expired") and committed at once (outcome {@code recommitted}); or, when the stock went
 * to other orders meanwhile, nothing changes on the shelves, the reservation becomes LOST and stock answers
 * ReservationLost (reason EXPIRED, shortages), on which orders cancels and refunds (outcome {@code lost}, alerted as
 * ConfirmedOrderLostItsStock). A commit for an order with no reservation at all records a LOST row and answers
 * ReservationLost NO_RESERVATION: stock cannot promise what it never held, and the confirmed order must not
 * silently stay confirmed. LOST is final: a repeated commit gets the same answer and never holds anything.
 * Commits of COMMITTED, RELEASED or REJECTED reservations are logged and change nothing.</li>
 * <li>ReleaseReservation: HELD → RELEASED (RELEASE). Before any reservation: a RELEASED tombstone, so the late
 * ReserveStock is refused. EXPIRED → RELEASED with nothing to give back, so that a commit still on its way (an
 * admin cancelled a confirmed order) does not hold it again. COMMITTED: ignored; a sale is final, reusable
 * ingredients come back by an ADJUSTMENT.</li>
 * <li>Expiry: a sweeper on each instance expires HELD reservations past expires_at (EXPIRE), SKIP LOCKED.</li>
 * </ul>
 * Each command runs in the platform's one JTA transaction with its inbox row and its outbox answer; a failure
 * rolls all back and the message is redelivered (dead-lettered after the delivery limit). Commands about one order
 * are serialised across instances by a transaction-scoped advisory lock on the order id.
 * <p>
 * Consumes: ReserveStock, CommitReservation or OrderConfirmed (the same commit), ReleaseReservation. Publishes: StockReserved, StockRejected,
 * ReservationLost (to orders), and through {@code alerts} StockLow and ProductAvailabilityChanged. Metrics:
 * {@code stock.reservations}{outcome = reserved|rejected|committed|released|expired|recommitted|lost},
 * {@code stock.reservations.rejected}{reason}. Config keys: {@code stock.reservation.ttl-seconds}
 * (600), {@code stock.sweep.interval-ms} (2000), {@code stock.settle.interval-ms} (250),
 * {@code stock.sweep.batch-size} (50).
 */
package com.forno.pizzeria.stock.reservations;
