/**
 * The partners' contract (API.md "Integrations over JMS", {@code integrations/asyncapi.yaml}): what a partner (a
 * marketplace, a POS) sends on its own exchange and hears on its own two queues. Unlike the services' messages,
 * these travel bare: the body is the message's JSON, the AMQP {@code type} property names it, {@code message_id} is
 * unique per message and {@code correlation_id} is the {@code partnerOrderId}. {@link Partners} names each partner's
 * broker resources and writes its broker definitions.
 */
package com.forno.pizzeria.contracts.integrations;
