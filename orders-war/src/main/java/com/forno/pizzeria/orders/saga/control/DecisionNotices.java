package com.forno.pizzeria.orders.saga.control;

import com.forno.pizzeria.platform.persistence.Database;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Announces decisions to every orders instance through PostgreSQL's LISTEN/NOTIFY: {@link #announce} runs in the
 * deciding transaction (the notice is delivered only if it commits), and one listening connection per instance
 * hands the notices to {@link Decisions}.
 */
@ApplicationScoped
public class DecisionNotices {

    private static final System.Logger LOG = System.getLogger(DecisionNotices.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Decisions decisions;

    private volatile boolean listening;
    private Thread listener;

    /** Called inside the transaction that decides the order. */
    public void announce(UUID order) {
        em.createNativeQuery("select pg_notify('" + Decisions.CHANNEL + "', ?)").setParameter(1, order.toString())
                .getSingleResult();
    }

    public synchronized void listen() {
        if (listening) {
            return;
        }
        listening = true;
        listener = threads.newThread(this::run);
        listener.setName("order-decision-notices");
        listener.start();
    }

    @PreDestroy
    void stop() {
        listening = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void run() {
        while (listening) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + Decisions.CHANNEL);
                }
                try {
                    PGConnection postgres = connection.unwrap(PGConnection.class);
                    while (listening) {
                        PGNotification[] notices = postgres.getNotifications(1000);
                        if (notices != null) {
                            for (PGNotification notice : notices) {
                                decisions.decided(UUID.fromString(notice.getParameter()));
                            }
                        }
                    }
                } finally {
                    // the connection goes back to the pool: it must not go on collecting notices for nobody
                    try (Statement unlisten = connection.createStatement()) {
                        unlisten.execute("unlisten *");
                    } catch (SQLException ignored) {
                        // a broken connection listens to nothing anyway
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listening) {
                    LOG.log(Level.WARNING, "decision notices interrupted, listening again: {0}", e.getMessage());
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
