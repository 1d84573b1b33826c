package com.forno.pizzeria.orders.saga.control;

import com.forno.pizzeria.platform.persistence.Database;
import com.forno.pizzeria.platform.scheduling.Periodic;
import jakarta.annotation.Resource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Lets a request wait for its order's decision ({@code Prefer: wait=N}) without holding a request thread. Any
 * orders instance may decide the order: the decision is announced through PostgreSQL ({@code NOTIFY order_decided},
 * delivered on commit, see {@link DecisionNotices}); once a second, one query checks every order still waited for,
 * in case a notice was lost.
 */
@ApplicationScoped
public class Decisions {

    static final String CHANNEL = "order_decided";
    private static final System.Logger LOG = System.getLogger(Decisions.class.getName());

    @Inject
    Periodic periodic;

    /** How many answers are built at once (as many as the default executor's core threads were). */
    private static final int ANSWER_THREADS = 16;

    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private final Map<UUID, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    /**
     * Builds the answers on container threads of its own, all made at deployment (with the application's context,
     * so they may use transactions and the EntityManager). Not the container's managed executor: it captured the
     * caller's context for every answer, looking its context providers up on the class path each time (issue 16).
     */
    private ThreadPoolExecutor answers;

    /**
     * Started at deployment, not lazily: the first caller may be the notice listener's thread, and a bean first
     * created there gets no resources injected (no error, just nulls).
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object start) {
        answers = new ThreadPoolExecutor(ANSWER_THREADS, ANSWER_THREADS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), threads);
        answers.prestartAllCoreThreads();
        periodic.every("decisions-safety-net", Duration.ofSeconds(1), this::checkWaitedFor);
    }

    @PreDestroy
    void stop() {
        if (answers != null) {
            answers.shutdownNow();
        }
    }

    /**
     * Completes when the order is decided, or after {@code max}, with {@code answer}'s result, computed on a
     * container thread (it may use transactions and the EntityManager).
     */
    public <T> CompletionStage<T> await(UUID order, Duration max, Supplier<T> answer) {
        return await(order, max).thenApplyAsync(decided -> answer.get(), answers);
    }

    /** Completes when the order is decided, or after {@code max}; re-read the order for its state. */
    CompletionStage<Void> await(UUID order, Duration max) {
        CompletableFuture<Void> decided = new CompletableFuture<>();
        waiting.computeIfAbsent(order, id -> ConcurrentHashMap.newKeySet()).add(decided);
        if (!undecided(List.of(order)).contains(order)) {
            decided.complete(null); // decided between the caller's look and this registration
        }
        return decided.completeOnTimeout(null, max.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((done, failure) -> waiting.computeIfPresent(order, (id, futures) -> {
                    futures.remove(decided);
                    return futures.isEmpty() ? null : futures;
                }));
    }

    /** The order was decided (here or on another instance): release whoever waits for it on this one. */
    public void decided(UUID order) {
        Set<CompletableFuture<Void>> futures = waiting.get(order);
        if (futures != null) {
            futures.forEach(future -> future.complete(null));
        }
    }

    private void checkWaitedFor() {
        List<UUID> orders = List.copyOf(waiting.keySet());
        if (orders.isEmpty()) {
            return;
        }
        List<UUID> stillUndecided = undecided(orders);
        orders.stream().filter(order -> !stillUndecided.contains(order)).forEach(this::decided);
    }

    /** Which of these orders are still waiting for the saga (unknown ids count as undecided). */
    private List<UUID> undecided(List<UUID> orders) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select id from orders where id = any(?) and status not in ('PENDING', 'AWAITING_PAYMENT')")) {
            Array ids = connection.createArrayOf("uuid", orders.toArray());
            query.setArray(1, ids);
            Set<UUID> decided = ConcurrentHashMap.newKeySet();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    decided.add(result.getObject(1, UUID.class));
                }
            }
            return orders.stream().filter(order -> !decided.contains(order)).toList();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not check waited-for orders: {0}", e.getMessage());
            return orders;
        }
    }
}
