package com.forno.pizzeria.ai.recommendations.boundary;

import com.forno.pizzeria.ai.recommendations.control.Embeddings;
import com.forno.pizzeria.ai.recommendations.control.Recommendations;
import com.forno.pizzeria.platform.Platform;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Loads the embedding model when the service starts, so a misconfigured model (a wrong ONNX path) fails the
 * deployment loudly instead of the first request; then embeds the menu if the analytics views can be read
 * already (if not, the first request does it).
 */
@Startup
@Singleton
@DependsOn(Platform.NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MenuWarmUp {

    private static final System.Logger LOG = System.getLogger(MenuWarmUp.class.getName());

    @Inject
    Embeddings embeddings;

    @Inject
    Recommendations recommendations;

    @PostConstruct
    void start() {
        embeddings.menu();
        try {
            LOG.log(Level.INFO, "{0} menu products embedded", recommendations.warmUp());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the menu could not be embedded yet ({0}); the first request will", e.getMessage());
        }
    }
}
