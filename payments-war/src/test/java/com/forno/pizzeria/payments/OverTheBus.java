package com.forno.pizzeria.payments;

import com.forno.pizzeria.testing.ClientIT;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A container test that speaks to the WAR as the saga does, over RabbitMQ ({@code bus}), and over HTTP ({@code api}),
 * about an order and a customer of its own (new for each test).
 */
abstract class OverTheBus extends ClientIT<Api> {

    static Bus bus;

    final UUID order = UUID.randomUUID();
    final UUID customer = UUID.randomUUID();

    @BeforeAll
    static void connect() throws Exception {
        bus = Bus.connect();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }
}
