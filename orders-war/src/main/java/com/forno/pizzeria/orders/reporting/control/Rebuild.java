package com.forno.pizzeria.orders.reporting.control;

import com.forno.pizzeria.orders.ordering.control.OrderEvents;
import com.forno.pizzeria.orders.ordering.entity.Order;
import com.forno.pizzeria.platform.persistence.Database;
import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Drops the read model's rows and builds them again from the orders and their timelines, while orders keep flowing:
 * each order's timeline is turned back into the events it sent ({@link OrderEvents#of}) and merged by the same
 * {@link Projection} as live events, in batches of their own transactions. Live events keep arriving meanwhile;
 * since merging depends only on which events an order got, both meet in the same rows. Reports are partial until it
 * ends. One at a time across instances; a rebuild whose heartbeat stopped (its instance died) may be started again.
 */
@ApplicationScoped
public class Rebuild {

    private static final System.Logger LOG = System.getLogger(Rebuild.class.getName());
    static final int BATCH = 200;
    /** A running rebuild that has not reported for this long died with its instance. */
    static final long STALE_SECONDS = 60;

    public record Run(UUID id, String state, Instant startedAt, Instant finishedAt, long orders, String error) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Projection projection;

    @Inject
    Folding folding;

    @Inject
    Rebuild self;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Starts a rebuild in the background; 409 while another runs. */
    public Run start() {
        Run run = self.begin();
        executor.execute(() -> rebuild(run.id()));
        return run;
    }

    /** The newest run, if any. */
    public Optional<Run> latest() {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("select id from orders_read.rebuilds"
                     + " order by started_at desc limit 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(run(db, row.getObject(1, UUID.class))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("the rebuilds could not be read", e);
        }
    }

    private void rebuild(UUID id) {
        long began = System.nanoTime();
        try {
            UUID after = null;
            long done = 0;
            while (true) {
                List<OrderHistory> batch = self.next(after);
                for (OrderHistory order : batch) {
                    self.project(order);
                }
                self.beat(id, batch.size());
                done += batch.size();
                if (batch.size() < BATCH) {
                    break;
                }
                after = batch.get(batch.size() - 1).orderId();
            }
            folding.foldQueued(); // DONE: the reports say everything the rebuild queued
            self.end(id, "DONE", null);
            LOG.log(Level.INFO, "read model rebuilt from {0} orders in {1} ms", done,
                    (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException | SQLException e) {
            LOG.log(Level.ERROR, "rebuilding the read model failed", e);
            self.end(id, "FAILED", String.valueOf(e));
        }
    }

    /** An order's timeline as the events it sent. */
    public record OrderHistory(UUID orderId, List<Record> events) {
    }

    /** Records the run and empties the read model, in one transaction; refused while another run is alive. */
    @Transactional
    public Run begin() {
        Connection db = em.unwrap(Connection.class);
        try (Statement statement = db.createStatement()) {
            statement.execute("lock table orders_read.rebuilds in exclusive mode");
            try (ResultSet running = statement.executeQuery("select count(*) from orders_read.rebuilds"
                    + " where state = 'RUNNING' and heartbeat > now() - interval '" + STALE_SECONDS + " seconds'")) {
                running.next();
                if (running.getLong(1) > 0) {
                    throw new ProblemException(Problem.typed("rebuild-running", "A rebuild is running", 409,
                            "The read model is being rebuilt; GET /reports/rebuild says how far it is."));
                }
            }
            statement.executeUpdate("update orders_read.rebuilds set state = 'FAILED', finished_at = now(),"
                    + " error = 'its instance stopped' where state = 'RUNNING'");
            UUID id = UUID.randomUUID();
            try (PreparedStatement insert = db.prepareStatement("insert into orders_read.rebuilds"
                    + " (id, state, started_at, heartbeat) values (?, 'RUNNING', now(), now())")) {
                insert.setObject(1, id);
                insert.executeUpdate();
            }
            statement.execute("truncate " + String.join(", ", ReadModel.TABLES.stream()
                    .map(table -> ReadModel.SCHEMA + "." + table).toList()));
            return run(db, id);
        } catch (SQLException e) {
            throw new IllegalStateException("the rebuild could not start", e);
        }
    }

    /** The next orders after {@code after} (by id), read in a transaction of their own, from one snapshot. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OrderHistory> next(UUID after) throws SQLException {
        // one snapshot for the whole batch: an order's row and its timeline are read by separate statements, and
        // under read committed a decline committing between them gave a CANCELLED entry without its reason
        try (Statement snapshot = em.unwrap(Connection.class).createStatement()) {
            snapshot.execute("set transaction isolation level repeatable read, read only");
        }
        List<Order> orders = (after == null
                ? em.createQuery("select o from Order o order by o.id", Order.class)
                : em.createQuery("select o from Order o where o.id > :after order by o.id", Order.class)
                        .setParameter("after", after))
                .setMaxResults(BATCH).getResultList();
        return orders.stream().map(order -> new OrderHistory(order.id(), IntStream.range(0, order.timeline().size())
                .mapToObj(seq -> OrderEvents.of(order, seq)).toList())).toList();
    }

    /**
     * One order, in its own transaction like a live event: it locks one summary and only appends tally changes (the
     * report rows are the folder's alone), so the rebuild and the live projection never deadlock.
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = SQLException.class)
    public void project(OrderHistory order) throws SQLException {
        projection.apply(order.orderId(), order.events());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void beat(UUID run, int orders) {
        em.createNativeQuery("update orders_read.rebuilds set heartbeat = now(), orders = orders + ? where id = ?")
                .setParameter(1, orders).setParameter(2, run).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void end(UUID id, String state, String error) {
        em.createNativeQuery("update orders_read.rebuilds set state = ?, error = ?, finished_at = now() where id = ?")
                .setParameter(1, state).setParameter(2, error).setParameter(3, id).executeUpdate();
    }

    private static Run run(Connection db, UUID id) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select state, started_at, finished_at, orders, error"
                + " from orders_read.rebuilds where id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Run(id, row.getString(1), instant(row.getTimestamp(2)), instant(row.getTimestamp(3)),
                        row.getLong(4), row.getString(5));
            }
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return ReadModel.instant(timestamp);
    }
}
