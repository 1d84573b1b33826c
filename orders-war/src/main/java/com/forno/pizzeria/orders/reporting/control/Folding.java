package com.forno.pizzeria.orders.reporting.control;

import com.forno.pizzeria.platform.scheduling.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sums the queued tally changes ({@code orders_read.tally_changes}) into the report tables, a batch at a time, every
 * {@code pizzeria.reports.fold-ms} once the projection has committed some ({@link #wake}), and every
 * {@code pizzeria.reports.sweep-ms} whatever another instance left: the live projection only appends, so the rows
 * every order touches (today's sales,
 * a popular pizza, this hour's approvals) are written by one transaction per batch instead of one per event, and
 * events no longer queue behind each other on them. One folder at a time across instances (an advisory lock), and
 * one statement per batch: the changes it deletes are exactly those it adds. Reports lag the events by at most a
 * fold (reports_lag_seconds counts the oldest change waiting).
 */
@ApplicationScoped
public class Folding {

    static final int BATCH = 5_000;

    private static final String FOLD = """
            with batch as (
                delete from orders_read.tally_changes where id in
                    (select id from orders_read.tally_changes order by id limit %d) returning *),
            sales as (
                insert into orders_read.sales_by_day as s (day, orders, units, revenue_cents)
                select day, sum(orders), sum(units), sum(revenue_cents) from batch where kind = 'SALE' group by day
                on conflict (day) do update set orders = s.orders + excluded.orders,
                    units = s.units + excluded.units, revenue_cents = s.revenue_cents + excluded.revenue_cents
                returning 1),
            products as (
                insert into orders_read.product_sales as p (day, product_id, name, units, revenue_cents)
                select day, key::uuid, coalesce(max(name) filter (where orders > 0), max(name)), sum(units),
                       sum(revenue_cents)
                  from batch where kind = 'PRODUCT_SALE' group by day, key
                on conflict (day, product_id) do update set units = p.units + excluded.units,
                    revenue_cents = p.revenue_cents + excluded.revenue_cents, name = excluded.name
                returning 1),
            payments as (
                insert into orders_read.payment_outcomes as o (hour, outcome, reason, attempts)
                select hour, key, detail, sum(orders) from batch where kind = 'PAYMENT' group by hour, key, detail
                on conflict (hour, outcome, reason) do update set attempts = o.attempts + excluded.attempts
                returning 1),
            rejections as (
                insert into orders_read.rejections_by_day as r (day, reason, orders)
                select day, key, sum(orders) from batch where kind = 'REJECTION' group by day, key
                on conflict (day, reason) do update set orders = r.orders + excluded.orders
                returning 1),
            missing as (
                insert into orders_read.missing_by_day as m (day, sku, name, orders)
                select day, key, max(name) filter (where orders > 0), sum(orders)
                  from batch where kind = 'MISSING' group by day, key
                on conflict (day, sku) do update set orders = m.orders + excluded.orders,
                    name = coalesce(excluded.name, m.name)
                returning 1)
            select (select count(*) from batch), (select count(*) from sales) + (select count(*) from products)
                 + (select count(*) from payments) + (select count(*) from rejections) + (select count(*) from missing)
            """.formatted(BATCH);

    @PersistenceContext
    EntityManager em;

    @Inject
    Periodic periodic;

    @Inject
    Folding self;

    @Inject
    @ConfigProperty(name = "pizzeria.reports.fold-ms", defaultValue = "250")
    long foldMillis;

    /** How often to fold even when this instance queued nothing: what another instance left (it died, say). */
    @Inject
    @ConfigProperty(name = "pizzeria.reports.sweep-ms", defaultValue = "10000")
    long sweepMillis;

    /** Changes this instance committed and has not folded yet; at start, whatever a previous run left. */
    private final AtomicBoolean queued = new AtomicBoolean(true);
    private volatile long lastFold;

    void start(@Observes @Initialized(ApplicationScoped.class) Object start) {
        periodic.every("reports-folding", Duration.ofMillis(foldMillis), () -> {
            long now = System.nanoTime();
            if (!queued.getAndSet(false) && now - lastFold < Duration.ofMillis(sweepMillis).toNanos()) {
                return; // idle: no transaction, no lock
            }
            lastFold = now;
            try {
                while (self.fold() == BATCH) {
                    // a full batch: more are waiting
                }
            } catch (RuntimeException e) {
                queued.set(true); // the database was away, say: try again at the next tick
                throw e;
            }
        });
    }

    /** Changes were queued and committed (the projection calls it after its commit): fold them at the next tick. */
    public void wake() {
        queued.set(true);
    }

    /** Folds one batch of queued changes into the report tables; how many changes it folded. */
    @Transactional
    public int fold() {
        Connection db = em.unwrap(Connection.class);
        try (Statement statement = db.createStatement()) {
            // waits for another instance's fold rather than skipping: a rebuild's last fold must not miss changes
            statement.execute("select pg_advisory_xact_lock(hashtext('orders_read.tally_changes'))");
            try (ResultSet row = statement.executeQuery(FOLD)) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the reports' tallies could not be folded", e);
        }
    }

    /** Folds until every change queued before this call is in the report tables (the end of a rebuild). */
    public void foldQueued() {
        long last = self.lastQueued();
        while (self.waiting(last)) {
            self.fold();
        }
    }

    @Transactional
    public long lastQueued() {
        return ((Number) em.createNativeQuery("select coalesce(max(id), 0) from orders_read.tally_changes")
                .getSingleResult()).longValue();
    }

    @Transactional
    public boolean waiting(long upTo) {
        return !em.createNativeQuery("select 1 from orders_read.tally_changes where id <= ? limit 1")
                .setParameter(1, upTo).getResultList().isEmpty();
    }
}
