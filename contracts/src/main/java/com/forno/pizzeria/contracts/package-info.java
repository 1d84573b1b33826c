/**
 * The messages the services exchange over RabbitMQ, and where they travel.
 * <p>
 * Every message is an {@link com.forno.pizzeria.contracts.Envelope} serialised as JSON text (never Java
 * serialisation), so that any consumer, a dead-letter reader or an operator can read it. Payloads are records;
 * contracts evolve additively (new optional fields), and a breaking change is a new type name.
 * {@link com.forno.pizzeria.contracts.Topology} names the exchanges and queues and
 * {@link com.forno.pizzeria.contracts.MessageType} says which routing key each payload travels with.
 */
package com.forno.pizzeria.contracts;
