package com.forno.pizzeria.orders.reporting.control;

import com.forno.pizzeria.platform.persistence.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * How stale the read side is: {@code reports_lag_seconds}, the time between the newest status change the orders have
 * and the newest the read model has applied, or the age of the oldest tally change not yet folded into the reports,
 * whichever is more (0 when it is up to date; it grows while events wait, whatever holds them: the outbox, the
 * broker, the projection or the folding), alerted by ReportsLagging; and
 * {@code reports_event_delay_seconds_count/_sum}, from an event's creation to its application.
 */
@ApplicationScoped
public class ReportMetrics {

    private static final System.Logger LOG = System.getLogger(ReportMetrics.class.getName());

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Registers the gauge at start: a projection that never applies an event must still show its lag. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object start) {
        registry.gauge(Metadata.builder().withName("reports.lag.seconds")
                .withDescription("Seconds the read side (reports) is behind the orders' newest status change").build(),
                this, ReportMetrics::lagSeconds);
    }

    public void applied(Instant eventCreated) {
        registry.timer("reports.event.delay").update(Duration.between(eventCreated, Instant.now()));
    }

    double lagSeconds() {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("""
                     select extract(epoch from greatest(
                                case when applied is null then now() - written else written - applied end,
                                now() - unfolded))
                       from (select (select max(at) from order_timeline) as written,
                                    (select max(event_at) from orders_read.order_summaries) as applied,
                                    (select queued_at from orders_read.tally_changes order by id limit 1) as unfolded) as newest""")) {
            row.next();
            double lag = row.getDouble(1);
            return row.wasNull() ? 0 : Math.max(0, lag);
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "reports lag unknown: {0}", e.getMessage());
            return Double.NaN;
        }
    }
}
