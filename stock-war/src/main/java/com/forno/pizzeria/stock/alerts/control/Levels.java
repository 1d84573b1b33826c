package com.forno.pizzeria.stock.alerts.control;

import com.forno.pizzeria.platform.persistence.Database;
import com.forno.pizzeria.stock.ingredients.entity.Ingredient;
import com.forno.pizzeria.stock.menu.control.Availability;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Stock levels for the gauges: read with two statements (every ingredient, every active product) and kept for
 * {@code stock.metrics.cache-ms}, so a scrape of dozens of gauges costs two queries, not one per gauge.
 */
@ApplicationScoped
public class Levels {

    public record IngredientLevel(String sku, long onHand, long reserved, long available, boolean low) {
    }

    public record ProductLevel(String name, long available, boolean soldOut) {
    }

    /** Ingredients by sku and active products by name, as read at {@code readAt} (milliseconds, monotonic). */
    public record Snapshot(Map<String, IngredientLevel> ingredients, Map<String, ProductLevel> products, long readAt) {

        public long lowCount() {
            return ingredients.values().stream().filter(IngredientLevel::low).count();
        }
    }

    private static final System.Logger LOG = System.getLogger(Levels.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Availability availability;

    @Inject
    @ConfigProperty(name = "stock.metrics.cache-ms", defaultValue = "1000")
    long cacheMillis;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private Snapshot last;
    private Counter readFailures;

    /** Registered at 0, so that an alert on its increase has data before the first failure. */
    @PostConstruct
    void register() {
        readFailures = metrics.counter(Metadata.builder().withName("stock.levels.read.failures")
                .withDescription("Reads of the stock levels that failed; the level gauges keep their last values").build());
    }

    /**
     * The levels, at most {@code stock.metrics.cache-ms} old. When the database cannot be read, the last levels
     * (or none) are kept and the failure logged and counted: a gauge that throws would break the whole scrape, and
     * the database's own readiness check already reports the outage.
     */
    public synchronized Snapshot snapshot() {
        long now = System.nanoTime() / 1_000_000;
        if (last == null || now - last.readAt() >= cacheMillis) {
            try {
                last = new Snapshot(ingredients(), products(), now);
            } catch (RuntimeException e) {
                readFailures.inc();
                LOG.log(Level.WARNING, "stock levels not refreshed: {0}", e.getMessage());
                if (last == null) {
                    return new Snapshot(Map.of(), Map.of(), now);
                }
            }
        }
        return last;
    }

    private Map<String, IngredientLevel> ingredients() {
        Map<String, IngredientLevel> levels = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select sku, on_hand, reserved, safety_buffer, low_stock_threshold from ingredient order by sku");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                long onHand = result.getLong("on_hand");
                long reserved = result.getLong("reserved");
                long available = Ingredient.available(onHand, reserved, result.getLong("safety_buffer"));
                String sku = result.getString("sku");
                levels.put(sku, new IngredientLevel(sku, onHand, reserved, available,
                        Ingredient.low(available, result.getLong("low_stock_threshold"))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading stock levels failed", e);
        }
        return levels;
    }

    private Map<String, ProductLevel> products() {
        Map<String, ProductLevel> levels = new LinkedHashMap<>();
        availability.menu().forEach(row -> levels.put(row.name(),
                new ProductLevel(row.name(), row.available(), row.soldOut())));
        return levels;
    }
}
