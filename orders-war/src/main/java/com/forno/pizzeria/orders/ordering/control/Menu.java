package com.forno.pizzeria.orders.ordering.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Prices and names come from stock's menu, read through a REST client guarded by Fault Tolerance and kept for
 * {@code orders.menu.cache-ms} (a price change shows within a second; the menu is not read on every order under
 * load). Never called inside a transaction, so a retry never repeats database work. When stock cannot be read the
 * answer is {@link MenuUnavailable} (503), never an order accepted blind.
 */
@ApplicationScoped
public class Menu {

    private record Snapshot(Map<UUID, StockMenu.Item> items, Instant readAt) {
    }

    @Inject
    @ConfigProperty(name = "orders.stock.url")
    String stockUrl;

    @Inject
    @ConfigProperty(name = "orders.menu.cache-ms", defaultValue = "1000")
    long cacheMillis;

    /** This bean through its proxy, so that {@link #read()} goes through Fault Tolerance. */
    @Inject
    Menu self;

    Clock clock = Clock.systemUTC();

    private StockMenu stock;
    private volatile Snapshot snapshot;
    private final ReentrantLock refreshing = new ReentrantLock();

    @PostConstruct
    void connect() {
        stock = RestClientBuilder.newBuilder()
                .baseUri(URI.create(stockUrl))
                .connectTimeout(1, TimeUnit.SECONDS)
                .readTimeout(2, TimeUnit.SECONDS)
                .build(StockMenu.class);
    }

    /**
     * Active products by id, with prices in cents and what stock can make now: the cached menu while it is fresh
     * and names every one of {@code products}, otherwise the menu read again (a product created after the cached
     * read must not be refused). One caller at a time reads, and those who come meanwhile wait for that read rather
     * than each making their own. Payara runs every call of a Fault Tolerance method through one lock per method: a
     * crowd of first orders on a newly started instance, each reading the menu, queued there for seconds.
     */
    public Map<UUID, StockMenu.Item> covering(Collection<UUID> products) {
        Snapshot current = snapshot;
        if (usable(current, products)) {
            return current.items();
        }
        refreshing.lock();
        try {
            Snapshot now = snapshot;
            return usable(now, products) ? now.items() : self.read();
        } finally {
            refreshing.unlock();
        }
    }

    private boolean usable(Snapshot snapshot, Collection<UUID> products) {
        return snapshot != null && snapshot.readAt().plusMillis(cacheMillis).isAfter(clock.instant())
                && snapshot.items().keySet().containsAll(products);
    }

    /** Reads stock's menu and keeps it. Public for the interceptors only: callers use {@link #covering}. */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = MenuUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @Fallback(fallbackMethod = "unavailable")
    public Map<UUID, StockMenu.Item> read() {
        Instant now = clock.instant();
        Map<UUID, StockMenu.Item> items = stock.items().stream()
                .collect(Collectors.toUnmodifiableMap(StockMenu.Item::productId, Function.identity(), (a, b) -> a));
        snapshot = new Snapshot(items, now);
        return items;
    }

    Map<UUID, StockMenu.Item> unavailable() {
        throw new MenuUnavailable();
    }
}
