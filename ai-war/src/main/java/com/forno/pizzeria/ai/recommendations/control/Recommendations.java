package com.forno.pizzeria.ai.recommendations.control;

import com.forno.pizzeria.ai.recommendations.entity.Product;
import com.forno.pizzeria.ai.recommendations.entity.Purchase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Recommendations for one customer: the menu and its availability (read now), the customer's own history (read
 * now), everyone's signals (recomputed at most every {@code ai.recommendations.cache-seconds}), the menu's
 * embeddings (re-embedded only when a product's text changes), then the {@link Recommender}.
 * <p>
 * Config: {@code ai.recommendations.history-days} (90: the period everyone's signals come from),
 * {@code ai.recommendations.half-life-days} (14: popularity halves every two weeks),
 * {@code ai.recommendations.max-lines} (200,000: a bound on what one refresh reads),
 * {@code ai.recommendations.cache-seconds} (60).
 */
@ApplicationScoped
public class Recommendations {

    @Inject
    ShopHistory shop;

    @Inject
    Embeddings embeddings;

    @Inject
    @ConfigProperty(name = "ai.recommendations.history-days", defaultValue = "90")
    int historyDays;

    @Inject
    @ConfigProperty(name = "ai.recommendations.half-life-days", defaultValue = "14")
    double halfLifeDays;

    @Inject
    @ConfigProperty(name = "ai.recommendations.max-lines", defaultValue = "200000")
    int maxLines;

    @Inject
    @ConfigProperty(name = "ai.recommendations.cache-seconds", defaultValue = "60")
    int cacheSeconds;

    Clock clock = Clock.systemUTC();

    private record Cached(Signals signals, Instant at) {
    }

    private volatile Cached cached;

    public List<Recommender.Scored> forCustomer(UUID customer, int limit) {
        Instant now = clock.instant();
        List<Product> menu = shop.menu();
        MenuEmbeddings vectors = embeddings.menu();
        vectors.sync(menu);
        List<Purchase> history = shop.of(customer, now.minus(Duration.ofDays(365)));
        return new Recommender(vectors).recommend(history, menu, signals(now), now, limit);
    }

    /** Embeds the menu ahead of the first request (at start-up). */
    public int warmUp() {
        return embeddings.menu().sync(shop.menu());
    }

    private Signals signals(Instant now) {
        Cached last = cached;
        if (last == null || cacheSeconds <= 0 || last.at().plusSeconds(cacheSeconds).isBefore(now)) {
            last = new Cached(Signals.from(shop.since(now.minus(Duration.ofDays(historyDays)), maxLines), now,
                    halfLifeDays), now);
            cached = last;
        }
        return last.signals();
    }
}
