/**
 * Telling others when stock matters: events when something flips, and gauges for the operator.
 * <p>
 * Publishes StockLow when an ingredient's available quantity crosses its low-stock threshold (low = available ≤
 * threshold; {@code low=true} going down, {@code low=false} coming back) and ProductAvailabilityChanged when a product
 * goes off sale or comes back (stock, recipe, activity, manual 86). The last announced state is a column, updated
 * under the row's lock in the transaction of the change, so each flip is announced once even with two instances.
 * A new ingredient or product announces nothing: its first state is taken as known.
 * <p>
 * Gauges (application scope): {@code stock.ingredient.on.hand}, {@code .reserved}, {@code .available},
 * {@code .low} per {@code sku}; {@code stock.product.available}, {@code stock.product.sold.out} per active
 * {@code product} (its name); {@code stock.ingredients.low}. Consumes nothing. Config keys:
 * {@code stock.metrics.cache-ms} (1000), {@code stock.metrics.refresh-ms} (10000).
 */
package com.forno.pizzeria.stock.alerts;
