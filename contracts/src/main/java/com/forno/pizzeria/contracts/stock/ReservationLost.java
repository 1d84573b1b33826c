package com.forno.pizzeria.contracts.stock;

import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import java.util.List;
import java.util.UUID;

/**
 * Stock's answer to a CommitReservation (or an OrderConfirmed) it cannot honour: the order was confirmed, but nothing is held for it, so
 * what it sold may not be there. {@code reason} is {@code EXPIRED} when the hold ran out before the confirmation
 * came and the ingredients could not be held again ({@code shortages} lists what is missing, as in
 * {@link StockRejected}), or {@code NO_RESERVATION} when stock has no hold for the order at all.
 */
public record ReservationLost(UUID orderId, String reason, List<Shortage> shortages) {
}
