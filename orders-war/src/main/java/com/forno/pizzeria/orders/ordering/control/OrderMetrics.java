package com.forno.pizzeria.orders.ordering.control;

import com.forno.pizzeria.orders.ordering.entity.Order;
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
 * quantiles wrongly), {@code orders_in_progress} (orders the saga has not decided yet, across instances) and
 * {@code orders_sales_cents_total} (confirmed order totals).
 */
@ApplicationScoped
public class OrderMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("orders.in.progress")
                .withDescription("Orders waiting for stock or payment (all instances)").build(), this, OrderMetrics::inProgress);
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
