/**
 * Reliable messaging over the RabbitMQ JMS client, shared by every WAR.
 * <ul>
 * <li>{@link com.forno.pizzeria.platform.messaging.Broker}: one connection per process, declared topology,
 * reconnection after a broker restart.</li>
 * <li>{@link com.forno.pizzeria.platform.messaging.Outbox}: a message is a row written in the caller's JTA
 * transaction; once it commits, {@link com.forno.pizzeria.platform.messaging.OutboxRelay} publishes it with publisher
 * confirms and records it sent (in bulk) only when the broker confirmed it; a sweep publishes what stayed unsent
 * past a grace. A broker outage only delays messages.</li>
 * <li>{@link com.forno.pizzeria.platform.messaging.Consumers}: transacted JMS sessions; a message is acknowledged
 * only after the database transaction that applied it (with its {@link com.forno.pizzeria.platform.messaging.Inbox}
 * row) committed. A failure rolls back both, the message is redelivered, and after the queue's delivery limit it
 * lands in the dead-letter queue while the queue keeps flowing.</li>
 * <li>For those outside (partners): {@link com.forno.pizzeria.platform.messaging.Outbox#sendBare} sends a bare message
 * to another exchange; a {@link com.forno.pizzeria.platform.messaging.MessageHandler} may read a foreign format
 * ({@code read}); {@link com.forno.pizzeria.platform.messaging.Consumers#add} consumes a queue learnt while running,
 * and {@link com.forno.pizzeria.platform.messaging.Broker#declare} declares its resources where the process declares
 * its topology.</li>
 * </ul>
 * Config keys: {@code pizzeria.amqp.uri}, {@code pizzeria.broker.reconnect-ms}, {@code pizzeria.messaging.consumers},
 * {@code pizzeria.outbox.poll-ms}, {@code pizzeria.outbox.mark-ms}, {@code pizzeria.outbox.grace-ms},
 * {@code pizzeria.outbox.batch-size}, {@code pizzeria.outbox.confirm-timeout-ms}, {@code pizzeria.outbox.retention-days}.
 */
package com.forno.pizzeria.platform.messaging;
