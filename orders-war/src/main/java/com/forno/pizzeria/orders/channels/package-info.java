/**
 * Orders from partners over the broker (API.md "Integrations over JMS"). Each partner listed in table
 * {@code partners} has its inbound queue {@code integrations.NAME.orders}, bound only to its own exchange, consumed
 * here ({@code PartnerDirectory}, {@code PartnerInbox}): the queue names the partner, so no message can claim another's
 * identity. A PlaceOrder becomes an order through the same pricing and saga as a web order (channel PARTNER, the
 * partner and its partnerOrderId recorded, unique per partner; PREPAID skips the card authorisation, never the stock
 * reservation); CancelOrder is a customer's cancel ({@code PartnerOrders}). Every step of a partner's order is told
 * on its replies queue through the outbox ({@code PartnerReplies}); bad messages are answered INVALID or, naming no
 * order, dead-lettered with the reason. Metrics per partner: {@code PartnerMetrics}.
 * Config: {@code orders.partners.poll-ms} (2000).
 */
package com.forno.pizzeria.orders.channels;
