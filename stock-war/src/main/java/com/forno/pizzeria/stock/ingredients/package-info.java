/**
 * Ingredients: sku, unit (g, ml, unit), on hand, reserved, low-stock threshold, safety buffer; and their ledger.
 * <p>
 * Every change of on_hand or reserved is a {@link com.forno.pizzeria.stock.ingredients.entity.Movement} written by
 * the entity method that makes the change (RESTOCK, WASTE, ADJUSTMENT by an admin; RESERVE, RELEASE, EXPIRE, SALE by
 * reservations), so per ingredient the ledger's deltas always sum to the current quantities. Every change holds the
 * ingredient's row lock ({@code SELECT … FOR UPDATE}); a transaction that needs several locks them in ascending sku
 * order ({@code Ingredients.lockAll}), so no two wait on each other in a circle. An admin's movement that would leave
 * on_hand negative or below what is reserved is refused with a 409 problem ({@code negative-stock},
 * {@code below-reserved}).
 * <p>
 * Publishes (through {@code alerts}): StockLow, ProductAvailabilityChanged after a movement. Consumes nothing.
 * Config keys: none of its own.
 */
package com.forno.pizzeria.stock.ingredients;
