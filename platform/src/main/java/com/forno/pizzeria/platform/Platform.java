package com.forno.pizzeria.platform;

import com.forno.pizzeria.platform.messaging.Broker;
import com.forno.pizzeria.platform.messaging.Consumers;
import com.forno.pizzeria.platform.messaging.OutboxRelay;
import com.forno.pizzeria.platform.persistence.Migrations;
import com.forno.pizzeria.platform.security.SessionCutoffs;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Starts what every WAR shares, in this order: migrate the schema, connect to RabbitMQ, start the consumers, start
 * the outbox relay, poll the cut-offs of ended sessions; and stops them in reverse. A WAR's own start-up work declares
 * {@code @DependsOn(Platform.NAME)} so it runs on a migrated schema. A failure here fails the deployment: the
 * instance then answers 503 on {@code /health/ready} instead of serving on a schema it does not know.
 */
@Startup
@Singleton(name = Platform.NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Platform {

    public static final String NAME = "PizzeriaPlatform";

    @Inject
    Migrations migrations;

    @Inject
    Broker broker;

    @Inject
    Consumers consumers;

    @Inject
    OutboxRelay relay;

    @Inject
    SessionCutoffs sessionCutoffs;

    @PostConstruct
    void start() {
        migrations.migrate();
        broker.start();
        consumers.start();
        relay.start();
        sessionCutoffs.start();
    }

    @PreDestroy
    void stop() {
        consumers.stop();
        relay.stop();
        broker.stop();
    }
}
