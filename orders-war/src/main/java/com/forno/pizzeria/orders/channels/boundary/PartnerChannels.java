package com.forno.pizzeria.orders.channels.boundary;

import com.forno.pizzeria.orders.channels.control.PartnerDirectory;
import com.forno.pizzeria.platform.Platform;
import com.forno.pizzeria.platform.scheduling.Periodic;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Looks for new and removed partners every {@code orders.partners.poll-ms}, from the start. */
@Startup
@Singleton
@DependsOn(Platform.NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PartnerChannels {

    @Inject
    PartnerDirectory directory;

    @Inject
    Periodic periodic;

    @Inject
    @ConfigProperty(name = "orders.partners.poll-ms", defaultValue = "2000")
    long pollMillis;

    @PostConstruct
    void start() {
        periodic.every("partners", Duration.ZERO, Duration.ofMillis(pollMillis), directory::refresh);
    }
}
