/**
 * The ai service's one way into the other services' data: SELECT on their whitelisted {@code analytics_*} views
 * (defined by each owning service in its {@code R__analytics_views.sql}; orders' also over its read model, schema
 * {@code orders_read}, in {@code db/orders_read/R__analytics_views.sql}), through a second datasource,
 * {@code java:app/jdbc/analytics}, on a PostgreSQL role that can read those views and nothing else: LOGIN,
 * {@code default_transaction_read_only = on}, {@code statement_timeout = 3s}, no other grant. Every session is
 * also opened read-only with a 3 s statement timeout by the service itself, and every statement carries a client
 * timeout. A failure answers 503 ({@code analytics-unavailable}); the cause goes to the log only.
 * <p>
 * Why views, and why the chat's order figures come from the views over orders' read model (the rows of
 * GET /reports/*) rather than over its saga tables: see the module README. Publishes and consumes no messages.
 * <p>
 * Config keys: {@code ai.analytics.url} (same database as the services), {@code ai.analytics.user} (the
 * {@code <db>_analytics} role; the owning services' migrations grant it, so it must exist before they run, as
 * provisioning makes sure), {@code ai.analytics.password} (environment {@code AI_ANALYTICS_URL},
 * {@code AI_ANALYTICS_USER}, {@code AI_ANALYTICS_PASSWORD}), {@code ai.analytics.timeout-seconds} (3).
 */
package com.forno.pizzeria.ai.analytics;
