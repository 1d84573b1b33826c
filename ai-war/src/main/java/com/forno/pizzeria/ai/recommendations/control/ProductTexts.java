package com.forno.pizzeria.ai.recommendations.control;

import com.forno.pizzeria.ai.recommendations.entity.Product;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The text a product is embedded from: its Portuguese name and description, then English tags for its category
 * and ingredients. The default embedding model is English-only: on Portuguese text alone, neighbours were
 * mediocre (57% same category at 3), with English tags much better (72%). Tags come from the ingredient names
 * (a dictionary of Portuguese food words, {@code recommendations/ingredient-tags.properties}); a product without meat or fish is tagged vegetarian.
 */
public final class ProductTexts {

    private static final Map<String, String> CATEGORY = Map.of(
            "PIZZA", "savory pizza, main course",
            "DRINK", "beverage, cold drink",
            "DESSERT", "dessert, sweet treat",
            "SIDE", "side dish, snack, starter");

    /**
     * Portuguese word (no accents, lower case) found in an ingredient's name → English tags, from
     * {@code recommendations/ingredient-tags.properties}; sorted, so that a product's text (and so its embedding) is
     * the same on every start.
     */
    private static final Map<String, String> TAGS = tags("/recommendations/ingredient-tags.properties");

    private static final Set<String> ANIMAL = Set.of("meat", "fish", "seafood", "pork", "poultry");

    private ProductTexts() {
    }

    public static String of(Product product) {
        Set<String> tags = new LinkedHashSet<>();
        String ingredients = plain(String.join(" | ", product.ingredients()) + " | " + product.name());
        TAGS.forEach((word, english) -> {
            if (ingredients.contains(word)) {
                tags.addAll(List.of(english.split(", ")));
            }
        });
        boolean food = "PIZZA".equals(product.category()) || "SIDE".equals(product.category());
        if (food) {
            tags.add(tags.stream().anyMatch(ANIMAL::contains) ? "meat lovers" : "vegetarian, meatless");
        }
        String category = CATEGORY.getOrDefault(product.category(), product.category().toLowerCase(Locale.ROOT));
        return product.name() + ". " + product.description() + ". Category: " + category + ". Tags: "
                + String.join(", ", tags) + ".";
    }

    private static Map<String, String> tags(String resource) {
        Properties tags = new Properties();
        try (InputStream in = ProductTexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            tags.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> sorted = new TreeMap<>();
        tags.forEach((word, english) -> sorted.put((String) word, (String) english));
        return sorted;
    }

    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
