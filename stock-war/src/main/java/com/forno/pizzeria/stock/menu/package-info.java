/**
 * Products, recipes, the live menu and the manual "86".
 * <p>
 * {@code GET /stock/menu} (public) computes, in one SQL statement, for each active product: available = min over its
 * recipe of floor((on_hand − reserved − safety_buffer) / quantity), never below 0; soldOut when available is 0 or a
 * manual 86 is in force. {@code available} is what the ingredients make, regardless of a manual 86: clients decide
 * on {@code soldOut}. A product must have a recipe (a product that takes nothing could be sold for ever): one
 * without is refused with 400. Product names are unique, ignoring case (409 {@code product-name-taken}).
 * A manual 86 lasts until its {@code until}, or until lifted when none is given; a sweeper lifts the expired ones so
 * that the product's return is announced.
 * <p>
 * Beyond API.md: {@code GET /stock/products?limit=&offset=} lists every product (active or not) for admins.
 * <p>
 * Publishes (through {@code alerts}): ProductAvailabilityChanged when an edit, a deactivation or an 86 flips a
 * product. Consumes nothing. Config keys: {@code stock.sweep.interval-ms}, {@code stock.sweep.batch-size}.
 */
package com.forno.pizzeria.stock.menu;
