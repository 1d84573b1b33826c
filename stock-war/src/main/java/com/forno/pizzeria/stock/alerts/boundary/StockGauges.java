package com.forno.pizzeria.stock.alerts.boundary;

import com.forno.pizzeria.platform.Platform;
import com.forno.pizzeria.platform.scheduling.Periodic;
import com.forno.pizzeria.stock.alerts.control.Levels;
import com.forno.pizzeria.stock.alerts.control.Levels.IngredientLevel;
import com.forno.pizzeria.stock.alerts.control.Levels.ProductLevel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Stock levels as application gauges, one per ingredient ({@code sku} tag) and per active product
 * ({@code product} tag, its name). Their values come from {@link Levels}' cached snapshot. Ingredients and products
 * appear over time (on either instance), so the set of gauges is brought up to date every
 * {@code stock.metrics.refresh-ms}; a renamed or deactivated product's gauges go away.
 */
@Startup
@Singleton
@DependsOn(Platform.NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StockGauges {

    static final Metadata ON_HAND = gauge("stock.ingredient.on.hand", "Quantity on hand, in the ingredient's base unit");
    static final Metadata RESERVED = gauge("stock.ingredient.reserved", "Quantity held for orders not yet confirmed");
    static final Metadata AVAILABLE = gauge("stock.ingredient.available",
            "Quantity that can still be promised: on hand - reserved - safety buffer, at least 0");
    static final Metadata LOW = gauge("stock.ingredient.low", "1 when available is at or below the low-stock threshold");
    static final Metadata LOW_COUNT = gauge("stock.ingredients.low", "How many ingredients are low");
    static final Metadata PRODUCT_AVAILABLE = gauge("stock.product.available", "Units of an active product that can be made now");
    static final Metadata PRODUCT_SOLD_OUT = gauge("stock.product.sold.out", "1 when an active product is off sale (nothing to make it with, or 86'd)");

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Inject
    Levels levels;

    @Inject
    Periodic periodic;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "stock.metrics.refresh-ms", defaultValue = "10000")
    long refreshMillis;

    private final Set<MetricID> registered = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void start() {
        metrics.gauge(LOW_COUNT, levels, l -> l.snapshot().lowCount());
        // Each pass is a call to this bean through the container, not a plain method call: a task scheduled here
        // runs with no invocation of its own, and the EntityManager that reads the product levels was closed under
        // it ("closed EntityManager" every pass, so new ingredients and products got no gauges).
        StockGauges self = context.getBusinessObject(StockGauges.class);
        periodic.every("stock-gauges", Duration.ZERO, Duration.ofMillis(refreshMillis), self::refresh);
    }

    /** Brings the set of gauges up to date with the ingredients and products. */
    public void refresh() {
        Levels.Snapshot snapshot = levels.snapshot();
        Set<MetricID> wanted = new HashSet<>();
        for (String sku : snapshot.ingredients().keySet()) {
            Tag tag = new Tag("sku", sku);
            wanted.add(ingredientGauge(ON_HAND, tag, IngredientLevel::onHand));
            wanted.add(ingredientGauge(RESERVED, tag, IngredientLevel::reserved));
            wanted.add(ingredientGauge(AVAILABLE, tag, IngredientLevel::available));
            wanted.add(ingredientGauge(LOW, tag, level -> level.low() ? 1 : 0));
        }
        for (String name : snapshot.products().keySet()) {
            Tag tag = new Tag("product", name);
            wanted.add(productGauge(PRODUCT_AVAILABLE, tag, ProductLevel::available));
            wanted.add(productGauge(PRODUCT_SOLD_OUT, tag, level -> level.soldOut() ? 1 : 0));
        }
        registered.stream().filter(id -> !wanted.contains(id)).toList().forEach(id -> {
            metrics.remove(id);
            registered.remove(id);
        });
    }

    private MetricID ingredientGauge(Metadata metadata, Tag sku, ToLongFunction<IngredientLevel> value) {
        return register(metadata, sku, () -> {
            IngredientLevel level = levels.snapshot().ingredients().get(sku.getTagValue());
            return level == null ? 0L : value.applyAsLong(level);
        });
    }

    private MetricID productGauge(Metadata metadata, Tag product, ToLongFunction<ProductLevel> value) {
        return register(metadata, product, () -> {
            ProductLevel level = levels.snapshot().products().get(product.getTagValue());
            return level == null ? 0L : value.applyAsLong(level);
        });
    }

    private MetricID register(Metadata metadata, Tag tag, Supplier<Long> value) {
        MetricID id = new MetricID(metadata.getName(), tag);
        if (!registered.contains(id)) {
            metrics.gauge(metadata, value, tag);
            registered.add(id);
        }
        return id;
    }

    private static Metadata gauge(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
