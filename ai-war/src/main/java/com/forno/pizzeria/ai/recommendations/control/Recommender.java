package com.forno.pizzeria.ai.recommendations.control;

import com.forno.pizzeria.ai.recommendations.entity.Product;
import com.forno.pizzeria.ai.recommendations.entity.Purchase;
import dev.langchain4j.data.embedding.Embedding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ranks what a customer will like among the products that can be sold now. Pure logic: the same code runs in the
 * service and in the offline evaluation ({@code RecommenderEvaluationTest}).
 * <p>
 * A product's score blends five signals, each scaled to 0..1:
 * <ul>
 * <li>favourite: how much, and how recently, the customer ordered it ("peça de novo");</li>
 * <li>taste: embedding similarity of the product to what the customer ordered (weighted by how much);</li>
 * <li>also bought: customers who ordered the customer's products also ordered this one;</li>
 * <li>complement: how often it is in the same order as one of the customer's pizzas (a drink, a dessert);</li>
 * <li>popularity: recency-weighted units sold by everyone.</li>
 * </ul>
 * Favourites and discoveries are both offered: at most three fifths of the list are favourites when discoveries
 * are there to fill the rest. A customer with no history gets the popular products. Reasons are in Portuguese,
 * for the customer.
 */
public class Recommender {

    static final double FAVOURITE = 0.40;
    static final double TASTE = 0.15;
    static final double ALSO_BOUGHT = 0.25;
    static final double COMPLEMENT = 0.10;
    static final double POPULAR = 0.10;
    static final double HISTORY_HALF_LIFE_DAYS = 60;
    /**
     * Menu items are all food: their embeddings are close (cosines 0.7–0.85 among pizzas). Scaled to 0..1 and
     * cubed, only the really similar ones count (hit@5 0.832 → 0.842 in the evaluation).
     */
    static final double TASTE_SHARPNESS = 3;

    /** One recommendation: the product, its score (0..1), the reason shown, and whether it was ordered before. */
    public record Scored(Product product, double score, String reason, boolean favourite) {
    }

    private final MenuEmbeddings embeddings;

    public Recommender(MenuEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    public List<Scored> recommend(List<Purchase> history, Collection<Product> catalog, Signals signals, Instant now,
                                  int limit) {
        Map<UUID, Product> products = catalog.stream().collect(Collectors.toMap(Product::id, Function.identity(),
                (a, b) -> a));
        List<Product> sellable = catalog.stream().filter(Product::sellable).toList();
        Map<UUID, Double> favourite = new HashMap<>();
        Map<UUID, Integer> times = new HashMap<>();
        for (Purchase purchase : history) {
            if (!products.containsKey(purchase.product())) {
                continue;
            }
            double age = Math.max(0, Duration.between(purchase.at(), now).toMinutes() / 1440.0);
            favourite.merge(purchase.product(), Math.min(purchase.quantity(), 3)
                    * Math.pow(0.5, age / HISTORY_HALF_LIFE_DAYS), Double::sum);
            times.merge(purchase.product(), 1, Integer::sum);
        }
        if (favourite.isEmpty()) {
            return popular(sellable, signals, limit);
        }
        double maxFavourite = favourite.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double totalFavourite = favourite.values().stream().mapToDouble(Double::doubleValue).sum();

        Map<UUID, Double> taste = taste(favourite, sellable);
        Map<UUID, Double> alsoBought = new HashMap<>();
        Map<UUID, Double> complement = new HashMap<>();
        for (Product candidate : sellable) {
            double also = 0;
            double goesWith = 0;
            for (Map.Entry<UUID, Double> mine : favourite.entrySet()) {
                if (mine.getKey().equals(candidate.id())) {
                    continue;
                }
                also += mine.getValue() / totalFavourite * signals.alsoBought(mine.getKey(), candidate.id());
                if (!candidate.isPizza() && products.get(mine.getKey()).isPizza()) {
                    goesWith = Math.max(goesWith, signals.inSameOrder(mine.getKey(), candidate.id()));
                }
            }
            alsoBought.put(candidate.id(), also);
            complement.put(candidate.id(), goesWith);
        }
        scale(alsoBought);

        List<Scored> scored = new ArrayList<>();
        for (Product candidate : sellable) {
            UUID id = candidate.id();
            double fav = favourite.getOrDefault(id, 0.0) / maxFavourite;
            double[] parts = {
                    FAVOURITE * fav,
                    TASTE * taste.getOrDefault(id, 0.0),
                    ALSO_BOUGHT * alsoBought.getOrDefault(id, 0.0),
                    COMPLEMENT * complement.getOrDefault(id, 0.0),
                    POPULAR * signals.popularity(id)};
            double score = 0;
            for (double part : parts) {
                score += part;
            }
            boolean ordered = favourite.containsKey(id);
            String reason = ordered ? again(times.get(id)) : discovery(candidate, parts, favourite.keySet(), products,
                    signals);
            scored.add(new Scored(candidate, round(score), reason, ordered));
        }
        return mix(scored, limit);
    }

    /** Popularity alone: what a new customer gets, and the baseline of the evaluation. */
    public List<Scored> popular(Collection<Product> sellable, Signals signals, int limit) {
        List<Product> ranked = sellable.stream().filter(Product::sellable)
                .sorted(Comparator.comparingDouble((Product p) -> signals.popularity(p.id())).reversed()
                        .thenComparing(Product::name))
                .toList();
        UUID topOfWeek = ranked.stream().filter(p -> signals.weekOrders(p.id()) > 0)
                .max(Comparator.comparingLong((Product p) -> signals.weekOrders(p.id()))).map(Product::id).orElse(null);
        List<Scored> list = new ArrayList<>();
        for (Product product : ranked.subList(0, Math.min(limit, ranked.size()))) {
            String reason = product.id().equals(topOfWeek) ? "Mais pedida da semana"
                    : signals.weekOrders(product.id()) > 0 ? "Entre as mais pedidas da semana"
                    : "Popular entre nossos clientes";
            list.add(new Scored(product, round(signals.popularity(product.id())), reason, false));
        }
        return list;
    }

    /** Similarity of each sellable product to the customer's taste (their products' embeddings), scaled 0..1. */
    private Map<UUID, Double> taste(Map<UUID, Double> favourite, List<Product> sellable) {
        Map<UUID, Double> scores = new HashMap<>();
        if (embeddings == null) {
            return scores;
        }
        float[] profile = null;
        for (Map.Entry<UUID, Double> mine : favourite.entrySet()) {
            Embedding vector = embeddings.vector(mine.getKey());
            if (vector == null) {
                continue;
            }
            float[] v = vector.vector();
            if (profile == null) {
                profile = new float[v.length];
            }
            for (int i = 0; i < v.length; i++) {
                profile[i] += (float) (mine.getValue() * v[i]);
            }
        }
        if (profile == null) {
            return scores;
        }
        Map<UUID, Double> similarity = embeddings.similarity(profile);
        Set<UUID> candidates = sellable.stream().map(Product::id).collect(Collectors.toSet());
        similarity.forEach((id, cosine) -> {
            if (candidates.contains(id)) {
                scores.put(id, cosine);
            }
        });
        double min = scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        scores.replaceAll((id, cosine) -> max > min ? Math.pow((cosine - min) / (max - min), TASTE_SHARPNESS) : 0);
        return scores;
    }

    /** Favourites and discoveries, each best first, then the whole list by score. */
    private static List<Scored> mix(List<Scored> scored, int limit) {
        List<Scored> ranked = scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.product().name())).toList();
        long favourites = ranked.stream().filter(Scored::favourite).count();
        long discoveries = ranked.size() - favourites;
        int maxFavourites = (int) Math.max(1, Math.round(limit * 0.6));
        int wantedFavourites = (int) Math.min(favourites, Math.max(maxFavourites, limit - discoveries));
        Set<Scored> chosen = new LinkedHashSet<>();
        ranked.stream().filter(Scored::favourite).limit(wantedFavourites).forEach(chosen::add);
        ranked.stream().filter(s -> !s.favourite()).limit(Math.max(0, limit - chosen.size())).forEach(chosen::add);
        ranked.stream().filter(s -> !chosen.contains(s)).limit(Math.max(0, limit - chosen.size())).forEach(chosen::add);
        return chosen.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.product().name())).limit(limit).toList();
    }

    private String discovery(Product candidate, double[] parts, Set<UUID> mine, Map<UUID, Product> products,
                             Signals signals) {
        double taste = parts[1];
        double also = parts[2];
        double complement = parts[3];
        double popular = parts[4];
        if (complement > 0 && complement >= Math.max(taste, also) && complement >= popular) {
            UUID pizza = mine.stream().filter(id -> products.get(id).isPizza())
                    .max(Comparator.comparingDouble(id -> signals.inSameOrder(id, candidate.id()))).orElse(null);
            if (pizza != null) {
                return "Combina com sua pizza " + products.get(pizza).name();
            }
        }
        if (Math.max(taste, also) >= popular) {
            UUID closest = mine.stream().max(Comparator.comparingDouble((UUID id) -> signals.alsoBought(id, candidate.id())
                    + (embeddings == null ? 0 : embeddings.similarity(id, candidate.id())))).orElse(null);
            if (closest != null) {
                return "Porque você pediu " + products.get(closest).name();
            }
        }
        return signals.weekOrders(candidate.id()) > 0 ? "Entre as mais pedidas da semana" : "Popular entre nossos clientes";
    }

    private static String again(int times) {
        return "Peça de novo: você já pediu " + times + (times == 1 ? " vez" : " vezes");
    }

    private static void scale(Map<UUID, Double> values) {
        double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (max > 0) {
            values.replaceAll((id, value) -> value / max);
        }
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
