package com.forno.pizzeria.platform.it;

import com.forno.pizzeria.platform.messaging.Broker;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test of the probe deployment through the broker: each test starts once the platform is connected to it. */
@ExtendWith(ArquillianExtension.class)
abstract class OverTheBroker {

    @Inject
    Probes probes;

    @Inject
    Broker broker;

    @BeforeEach
    void brokerIsConnected() {
        probes.awaitBroker();
    }
}
