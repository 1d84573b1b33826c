package com.forno.pizzeria.orders.saga.control;

import com.forno.pizzeria.platform.persistence.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Lets a request wait for its order's decision ({@code Prefer: wait=N}) without holding a thread. Any orders
 * instance may decide the order: the decision is announced through PostgreSQL ({@code NOTIFY order_decided},
 * delivered on commit, see {@link DecisionNotices}); a slow poll covers a lost notice.
 */
@ApplicationScoped
public class Decisions {

    static final String CHANNEL = "order_decided";
    private static final long POLL_MILLIS = 500;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private final Map<UUID, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    /**
     * Created at deployment, not lazily: the first caller may be the notice listener's thread, and a bean first
     * created there gets no resources injected (no error, just nulls).
     */
    void createAtStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        Objects.requireNonNull(scheduler, "no managed scheduled executor");
    }

    /** Completes when the order is decided, or after {@code max}; re-read the order for its state. */
    public CompletionStage<Void> await(UUID order, Duration max) {
        CompletableFuture<Void> decided = new CompletableFuture<>();
        waiting.computeIfAbsent(order, id -> ConcurrentHashMap.newKeySet()).add(decided);
        ScheduledFuture<?> poll = scheduler.scheduleWithFixedDelay(() -> {
            if (isDecided(order)) {
                decided.complete(null);
            }
        }, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> giveUp = scheduler.schedule(() -> decided.complete(null), max.toMillis(), TimeUnit.MILLISECONDS);
        return decided.whenComplete((done, failure) -> {
            poll.cancel(false);
            giveUp.cancel(false);
            waiting.computeIfPresent(order, (id, futures) -> {
                futures.remove(decided);
                return futures.isEmpty() ? null : futures;
            });
        });
    }

    /** The order was decided (here or on another instance): release whoever waits for it on this one. */
    public void decided(UUID order) {
        Set<CompletableFuture<Void>> futures = waiting.get(order);
        if (futures != null) {
            futures.forEach(future -> future.complete(null));
        }
    }

    private boolean isDecided(UUID order) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select status not in ('PENDING', 'AWAITING_PAYMENT') from orders where id = ?")) {
            query.setObject(1, order);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
