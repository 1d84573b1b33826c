package com.forno.pizzeria.orders.ordering.control;

import com.forno.pizzeria.orders.ordering.entity.Order;
import com.forno.pizzeria.orders.ordering.entity.OrderStatus;
import com.forno.pizzeria.orders.ordering.entity.Reason;
import com.forno.pizzeria.platform.persistence.Database;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What the operator watches: {@code orders_created_total}, {@code orders_decided_total{outcome,reason}},
 * {@code orders_decision_time_seconds_count/_sum} (POST to decision; use count and sum: Payara labels timer
 * quantiles wrongly), {@code orders_in_progress} (orders the saga has not decided yet, across instances),
 * {@code orders_sales_cents_total} (confirmed order totals), {@code orders_cancelled_after_confirmation_total{reason}}
 * (confirmed orders cancelled after all: by an admin, or OUT_OF_STOCK when stock lost the hold of an order it was
 * told to sell) and {@code orders_stock_lost_kept_total{status}} (stock lost the hold, but the kitchen had already
 * started: the order goes on, and stock's books are short of what it used).
 */
@ApplicationScoped
public class OrderMetrics {

    static final Metadata CANCELLED_AFTER_CONFIRMATION = Metadata.builder()
            .withName("orders.cancelled.after.confirmation")
            .withDescription("Confirmed orders cancelled after all, by reason (OUT_OF_STOCK: stock lost their hold)")
            .build();
    static final Metadata STOCK_LOST_KEPT = Metadata.builder().withName("orders.stock.lost.kept")
            .withDescription("Orders whose stock hold was lost after the kitchen started them: kept, by status")
            .build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void register() {
        // at 0 from the start, so that increases and alerts work before the first one
        registry.counter(CANCELLED_AFTER_CONFIRMATION, new Tag("reason", Reason.OUT_OF_STOCK.name()));
        registry.counter(STOCK_LOST_KEPT, new Tag("status", OrderStatus.PREPARING.name()));
        registry.gauge(Metadata.builder().withName("orders.in.progress")
                .withDescription("Orders waiting for stock or payment (all instances)").build(), this, OrderMetrics::inProgress);
    }

    /** Called once the order is CANCELLED; {@code before}: what it was. Counts it if it had been confirmed. */
    public void cancelled(Order order, OrderStatus before) {
        if (!before.undecided()) {
            registry.counter(CANCELLED_AFTER_CONFIRMATION, new Tag("reason", order.reason().name())).inc();
        }
    }

    public void stockLostButKept(OrderStatus status) {
        registry.counter(STOCK_LOST_KEPT, new Tag("status", status.name())).inc();
    }

    public void created() {
        registry.counter("orders.created").inc();
    }

    public void decided(Order order) {
        String outcome = order.status().name().toLowerCase();
        String reason = order.reason() == null ? "NONE" : order.reason().name();
        registry.counter("orders.decided", new Tag("outcome", outcome), new Tag("reason", reason)).inc();
        registry.timer("orders.decision.time").update(Duration.between(order.createdAt(), order.decidedAt()));
        if (outcome.equals("confirmed")) {
            registry.counter("orders.sales.cents").inc(order.totalCents());
        }
    }

    long inProgress() {
        try (Connection connection = dataSource.getConnection();
             Statement query = connection.createStatement();
             ResultSet result = query.executeQuery(
                     "select count(*) from orders where status in ('PENDING', 'AWAITING_PAYMENT')")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
