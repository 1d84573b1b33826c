package com.forno.pizzeria.ai.chat.control;

import com.forno.pizzeria.ai.chat.entity.Catalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters a question names, in Portuguese or English, with accents, plurals and typos: a menu product
 * ("margueritas", "frango com catupiri"), a category ("bebidas"), an ingredient ("mussarela", "mozzarella"), an
 * order status in everyday words ("saiu para entrega"), a customer by full name, and the things no tool can
 * filter by (payment method, neighbourhood, channel...), which the answer must then own up to. The words it takes
 * are marked used, so that "saíram para entrega" is a status and not a sale, and "Quatro Queijos" is not a limit.
 * The everyday words (categories, statuses, what no tool filters by, ingredients' names) are in
 * chat/vocabulary_*.txt; the names of products, ingredients and customers come from the catalogue.
 */
final class FilterFinder {

    /** What was found; names are the catalogue's own (product name, ingredient SKU, customer name). */
    record Found(String category, String product, String ingredient, String status, String customer,
                 List<String> without, int at, boolean asked) {
    }

    /** Everyday words for a menu category ("bebidas" → DRINK); chat/vocabulary_*.txt, {@code category.*}. */
    static final Map<String, String> CATEGORIES = Vocabulary.byWord("category.");

    /** Everyday words for a status; the longest phrases first, so that "saiu para entrega" wins over "entrega". */
    private static final Map<String, List<String>> STATUSES = Vocabulary.section("status.");

    /** What no tool can filter by, with the words that name it (matched exactly: these are guesses otherwise). */
    static final Map<String, List<String>> UNFILTERABLE = Vocabulary.section("not-filterable.");

    /** English and everyday names of ingredients, to their SKUs of the demo menu (used only if the SKU exists). */
    private static final Map<String, String> INGREDIENT_ALIASES = Vocabulary.byWord("ingredient.");

    /** Words of a product's name that do not tell it apart from others. */
    private static final Set<String> GENERIC = Vocabulary.set("generic-name-words");

    /** A question about stock rather than sales: an ingredient, not the pizza of the same name. */
    private static final Set<String> STOCK_CONTEXT = Vocabulary.set("stock-context");

    /** "pizzas com calabresa": the ingredient, not the pizza. */
    private static final Set<String> WITH = Vocabulary.set("with");

    private FilterFinder() {
    }

    static Found find(List<String> tokens, boolean[] used, Catalog catalog) {
        String status = status(tokens, used);
        String customer = customer(tokens, used, catalog);
        Match product = bestProduct(tokens, used, catalog);
        Match ingredient = bestIngredient(tokens, used, catalog);
        boolean stock = tokens.stream().anyMatch(STOCK_CONTEXT::contains);
        String productName = null;
        String sku = null;
        if (product != null && ingredient != null && overlap(product, ingredient)) {
            // "pizzas com calabresa", "a calabresa está acabando": the ingredient; "quantas calabresas": the pizza
            boolean with = product.first() > 0 && WITH.contains(tokens.get(product.first() - 1))
                    && product.first() > 1 && isDishWord(tokens.get(product.first() - 2));
            if (stock || with) {
                product = null;
            } else {
                ingredient = null;
            }
        }
        if (product != null) {
            mark(product, used);
            productName = product.name();
        }
        if (ingredient != null) {
            mark(ingredient, used);
            sku = ingredient.name();
        }
        String category = category(tokens, used);
        if (productName != null) {
            category = null; // the product says it
        }
        int at = product != null ? product.first() : categoryAt(tokens, category);
        List<String> without = new ArrayList<>();
        boolean[] asked = {false};
        UNFILTERABLE.forEach((dimension, words) -> {
            for (String word : words) {
                int[] found = Words.find(word, tokens, used, false);
                if (found != null) {
                    without.add(dimension);
                    // "which neighbourhood orders the most?": that is the question, not a filter of it
                    asked[0] |= found[0] > 0 && ASKING.contains(tokens.get(found[0] - 1));
                    return;
                }
            }
        });
        return new Found(category, productName, sku, status, customer, without, at, asked[0]);
    }

    /** "qual bairro pede mais?": a word right before an unfilterable one makes it the question's subject. */
    private static final Set<String> ASKING = Vocabulary.set("asking");

    private static int categoryAt(List<String> tokens, String category) {
        for (int i = 0; category != null && i < tokens.size(); i++) {
            if (category.equals(CATEGORIES.get(tokens.get(i)))) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static boolean isDishWord(String token) {
        return CATEGORIES.containsKey(token) || token.startsWith("produto") || token.startsWith("product")
                || token.startsWith("ite") || token.startsWith("sabor");
    }

    private static String status(List<String> tokens, boolean[] used) {
        for (Map.Entry<String, List<String>> status : STATUSES.entrySet()) {
            for (String phrase : status.getValue()) {
                int[] at = Words.find(phrase, tokens, used, phrase.length() >= 7);
                if (at != null) {
                    for (int position : at) {
                        used[position] = true;
                    }
                    return status.getKey();
                }
            }
        }
        return null;
    }

    /** A customer named in full (first and last name), exactly: a guessed person is worse than none. */
    private static String customer(List<String> tokens, boolean[] used, Catalog catalog) {
        for (Catalog.Customer customer : catalog.customers()) {
            if (customer.name() == null) {
                continue;
            }
            List<String> words = Words.tokens(customer.name());
            if (words.size() < 2) {
                continue;
            }
            int[] at = Words.find(String.join(" ", words), tokens, used, false);
            if (at != null && at[at.length - 1] - at[0] == words.size() - 1) {
                for (int position : at) {
                    used[position] = true;
                }
                return customer.name();
            }
        }
        return null;
    }

    private static String category(List<String> tokens, boolean[] used) {
        for (int i = 0; i < tokens.size(); i++) {
            if (used[i]) {
                continue;
            }
            String token = tokens.get(i);
            String category = CATEGORIES.get(token);
            if (category == null && token.length() >= 6) {
                // "bebiddas", "sobremessas": one slip in a long word
                for (Map.Entry<String, String> entry : CATEGORIES.entrySet()) {
                    if (entry.getKey().length() >= 6 && Words.distance(entry.getKey(), token) <= 1) {
                        category = entry.getValue();
                        break;
                    }
                }
            }
            if (category != null) {
                used[i] = true;
                return category;
            }
        }
        return null;
    }

    /** A name matched in the question: which tokens, how many of its words, how far off. */
    private record Match(String name, List<Integer> at, double covered, int significant, int all, int distance) {

        int first() {
            return at.stream().mapToInt(Integer::intValue).min().orElse(-1);
        }
    }

    private static boolean overlap(Match a, Match b) {
        return a.at().stream().anyMatch(b.at()::contains);
    }

    private static void mark(Match match, boolean[] used) {
        match.at().forEach(position -> used[position] = true);
    }

    private static final Comparator<Match> BEST = Comparator.comparingDouble(Match::covered)
            .thenComparingInt(Match::significant).thenComparingInt(Match::all)
            .thenComparing(Comparator.comparingInt(Match::distance).reversed());

    private static Match bestProduct(List<String> tokens, boolean[] used, Catalog catalog) {
        Match best = null;
        for (Catalog.Product product : catalog.products()) {
            Match match = match(product.name(), Words.tokens(product.name()), tokens, used);
            if (match != null && (best == null || BEST.compare(match, best) > 0)) {
                best = match;
            }
        }
        return best;
    }

    private static Match bestIngredient(List<String> tokens, boolean[] used, Catalog catalog) {
        Match best = null;
        for (Catalog.Ingredient ingredient : catalog.ingredients()) {
            List<String> words = Words.tokens(ingredient.sku().replace('-', ' '));
            Match match = match(ingredient.sku(), words, tokens, used);
            if (match != null && (best == null || BEST.compare(match, best) > 0)) {
                best = match;
            }
        }
        if (best == null) {
            for (int i = 0; i < tokens.size(); i++) {
                String sku = INGREDIENT_ALIASES.get(tokens.get(i));
                if (!used[i] && sku != null && catalog.ingredients().stream().anyMatch(x -> x.sku().equals(sku))) {
                    return new Match(sku, List.of(i), 1, 1, 1, 0);
                }
            }
        }
        return best;
    }

    /**
     * How well the words of {@code name} occur in the question: each distinctive word of the name, exactly, as a
     * plural, or with a typo in a long word; null unless the first distinctive word is there.
     */
    private static Match match(String name, List<String> words, List<String> tokens, boolean[] used) {
        List<String> significant = words.stream().filter(w -> !GENERIC.contains(w)).toList();
        if (significant.isEmpty()) {
            significant = words;
        }
        List<Integer> at = new ArrayList<>();
        int distance = 0;
        int found = 0;
        for (String word : significant) {
            int best = -1;
            int bestDistance = Integer.MAX_VALUE;
            for (int i = 0; i < tokens.size(); i++) {
                if (used[i] || at.contains(i)) {
                    continue;
                }
                int d = closeness(word, tokens.get(i));
                if (d >= 0 && d < bestDistance) {
                    best = i;
                    bestDistance = d;
                }
            }
            if (best >= 0) {
                at.add(best);
                distance += bestDistance;
                found++;
            } else if (word.equals(significant.get(0))) {
                return null;
            }
        }
        if (found == 0) {
            return null;
        }
        int all = found;
        for (String word : words) {
            if (GENERIC.contains(word) && tokens.contains(word)) {
                all++;
            }
        }
        return new Match(name, at, (double) found / significant.size(), found, all, distance);
    }

    /** 0: the same word; 1 or 2: a plural or a typo; -1: another word. */
    private static int closeness(String word, String token) {
        if (word.equals(token)) {
            return 0;
        }
        for (String plural : List.of(word + "s", word + "es")) {
            if (plural.equals(token)) {
                return 0;
            }
        }
        if (word.length() < 5 || token.length() < 4) {
            return -1;
        }
        String singular = token.endsWith("s") ? token.substring(0, token.length() - 1) : token;
        int allowed = word.length() >= 8 ? 2 : 1;
        int d = Math.min(Words.distance(word, token), Words.distance(word, singular));
        return d <= allowed ? d : -1;
    }
}
