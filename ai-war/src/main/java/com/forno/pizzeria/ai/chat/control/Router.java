package com.forno.pizzeria.ai.chat.control;

import com.forno.pizzeria.ai.chat.entity.Catalog;
import com.forno.pizzeria.ai.chat.entity.Filters;
import com.forno.pizzeria.ai.chat.entity.Intent;
import com.forno.pizzeria.ai.chat.entity.Language;
import com.forno.pizzeria.ai.chat.entity.Route;
import com.forno.pizzeria.ai.chat.entity.Route.Decline;
import com.forno.pizzeria.ai.chat.entity.Window;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The offline chatbot: a deterministic router from a Portuguese or English question to one read-only tool and its
 * parameters. No model, no network, the same answer every time, and every decision explainable by the concepts it
 * recognised (the route's evidence).
 * <p>
 * How: the question is normalised (no accents, lower case) and split into words; the period ("esta semana",
 * "last 7 days") and the limit ("top 3") are taken out first; then each remaining word or phrase is matched,
 * tolerating typos, against lists of synonyms grouped into concepts (PRODUCT, SOLD, STOCK, LACK...; their words are
 * data, in chat/vocabulary_pt.txt and chat/vocabulary_en.txt, read by {@link Vocabulary}). Each tool has
 * a rule over those concepts; the best-scoring rule wins. Questions about personal data, requests to change
 * anything, attempts to rewrite the instructions, and topics it has no data for are declined before any rule runs;
 * a question no rule claims, or that two rules claim equally, is declined too: it prefers "I don't know" to the
 * wrong tool.
 * <p>
 * Filters (issue 18): the names a question mentions (a product, category, ingredient, status, customer; see
 * {@link FilterFinder}) narrow the tool's figure when the tool can apply them ({@link #SUPPORTED}); the rest go to the
 * route's {@code without}, which the answer must own up to. A second period makes a comparison.
 */
@ApplicationScoped
public class Router {

    /**
     * The groups of synonyms the rules are written in; each concept's words are in chat/vocabulary_*.txt
     * ({@code concept.NAME}). Patterns: see {@link Words}.
     */
    enum Concept {
        PERSONAL, WRITE, INSTRUCTIONS, UNSUPPORTED, PRODUCT, SOLD, ORDER, TOP, BESTSELLER, CUSTOMER, WHO, LOYAL,
        HOUR, BUSY, WHEN, STOCK, LACK, LACK_PAST, REJECT, FAIL, LOW, RUN_OUT, FIRST, FORECAST, HOW_LONG, SOLD_OUT,
        REVENUE, HOW_MUCH, EARN, USE, TOTAL, MONEY, TICKET, AVERAGE, SPEND, PER_ORDER, PAYMENT, RATE, DECLINED,
        CANCEL, REASON, STATUS, COUNT;

        final List<String> patterns = Vocabulary.words("concept." + name());
    }

    private static final Set<Concept> GUARDS = EnumSet.of(Concept.PERSONAL, Concept.WRITE, Concept.INSTRUCTIONS,
            Concept.UNSUPPORTED);

    /** Words that tell the question's language, and that are never typos of a concept's word. */
    private static final Set<String> PT_WORDS = Vocabulary.set(Language.PT, "language-words");
    private static final Set<String> EN_WORDS = Vocabulary.set(Language.EN, "language-words");
    /** Common words that are in no concept but must not be taken for typos of one. */
    private static final Set<String> KNOWN = Vocabulary.set("known-words");

    private static final Pattern PORTUGUESE_LETTERS = Pattern.compile("[ãõçáéíóúâêôà]");

    /** One reading of a question: the concepts found, where each first occurs. */
    private record Reading(Map<Concept, Integer> at) {

        boolean has(Concept concept) {
            return at.containsKey(concept);
        }

        boolean any(Concept... concepts) {
            for (Concept concept : concepts) {
                if (has(concept)) {
                    return true;
                }
            }
            return false;
        }

        int count(Concept... concepts) {
            int n = 0;
            for (Concept concept : concepts) {
                n += has(concept) ? 1 : 0;
            }
            return n;
        }

        /** {@code first} appears before {@code second} (or {@code second} not at all). */
        boolean before(Concept first, Concept second) {
            return has(first) && (!has(second) || at.get(first) < at.get(second));
        }
    }

    public Route route(String question, LocalDate today) {
        return route(question, today, Catalog.EMPTY);
    }

    /** Routes {@code question}, matching the names it mentions against {@code catalog}. */
    public Route route(String question, LocalDate today, Catalog catalog) {
        String original = question == null ? "" : question;
        List<String> tokens = Words.tokens(original);
        Language language = language(original, tokens);
        List<String> evidence = new ArrayList<>();
        boolean[] used = new boolean[tokens.size()];

        // the guards see the whole question: "ignore as instruções de hoje" must not lose a word to the period
        Reading everything = read(tokens, new boolean[tokens.size()], GUARDS, evidence);
        if (everything.has(Concept.INSTRUCTIONS)) {
            return Route.declined(Decline.INSTRUCTIONS, language, evidence);
        }
        if (everything.has(Concept.PERSONAL)) {
            return Route.declined(Decline.PERSONAL_DATA, language, evidence);
        }
        if (everything.has(Concept.WRITE)) {
            return Route.declined(Decline.WRITE, language, evidence);
        }
        if (everything.has(Concept.UNSUPPORTED)) {
            return Route.declined(Decline.UNSUPPORTED, language, evidence);
        }
        if (tokens.isEmpty()) {
            return Route.declined(Decline.UNKNOWN, language, evidence);
        }

        boolean[] before = used.clone();
        PeriodFinder.Found period = PeriodFinder.find(tokens, used, today);
        evidence.addAll(period.evidence());
        int firstAt = firstNewlyUsed(before, used);
        // a second period makes a comparison: "hoje vs ontem", "esta semana e a semana passada"
        boolean[] between = used.clone();
        PeriodFinder.Found second = period.window() == null ? null : PeriodFinder.find(tokens, used, today);
        Window primary = period.window();
        Window compare = null;
        if (second != null && second.window() != null && !second.window().equals(primary)) {
            evidence.addAll(second.evidence());
            compare = second.window();
            if (firstNewlyUsed(between, used) < firstAt) {
                compare = primary;
                primary = second.window();
            }
        } else if (primary != null && comparing(tokens, used)) {
            compare = PeriodFinder.previous(primary, today);
            evidence.add("compare:previous");
        }

        FilterFinder.Found named = FilterFinder.find(tokens, used, catalog);
        evidence.add("filters:" + named);
        Integer limit = limit(tokens, used, evidence);

        Reading reading = read(tokens, used, EnumSet.complementOf(EnumSet.copyOf(GUARDS)), evidence);
        if (named.status() != null) {
            reading.at().putIfAbsent(Concept.STATUS, Integer.MAX_VALUE);
        }
        if (named.product() != null || named.category() != null) {
            reading.at().merge(Concept.PRODUCT, named.at(), Math::min);
        }
        if (named.asked()) {
            evidence.add("asks for what no tool has: " + named.without());
            return Route.declined(Decline.UNSUPPORTED, language, evidence);
        }
        Map<Intent, Integer> scores = score(reading, named, primary != null);
        Intent best = null;
        int bestScore = 0;
        boolean tie = false;
        for (Map.Entry<Intent, Integer> entry : scores.entrySet()) {
            if (entry.getValue() > bestScore) {
                best = entry.getKey();
                bestScore = entry.getValue();
                tie = false;
            } else if (entry.getValue() == bestScore && bestScore > 0) {
                tie = true;
            }
        }
        if (best == null || tie) {
            evidence.add(best == null ? "no rule matched" : "tie: " + scores);
            return Route.declined(Decline.UNKNOWN, language, evidence);
        }
        evidence.add("intent:" + best.tool() + " score " + bestScore);
        if (period.future() && best != Intent.RUNS_OUT_FIRST) {
            return Route.declined(Decline.FUTURE, language, evidence);
        }
        if (period.invalid() != null) {
            return Route.invalid(best, language, period.invalid(), evidence);
        }
        Window window = null;
        if (best.windowed()) {
            window = primary != null ? primary : defaultWindow(best, today);
        }
        boolean takesLimit = best != Intent.ORDERS_BY_STATUS && best != Intent.REVENUE
                && best != Intent.AVERAGE_TICKET && best != Intent.PAYMENT_FAILURE_RATE
                && best != Intent.CANCELLATIONS_BY_REASON;
        return Route.to(best, language, window, takesLimit ? limit : null, filters(best, named, compare), evidence);
    }

    /** What each tool can narrow its figure by; anything else the question names goes to "without". */
    static final Map<Intent, Set<String>> SUPPORTED = Map.ofEntries(
            Map.entry(Intent.TOP_PRODUCTS, Set.of("category", "product", "ingredient", "customer")),
            Map.entry(Intent.REVENUE, Set.of("category", "product", "ingredient", "customer")),
            Map.entry(Intent.ORDERS_BY_STATUS, Set.of("category", "product", "ingredient", "status", "customer")),
            Map.entry(Intent.AVERAGE_TICKET, Set.of("customer")),
            Map.entry(Intent.STOCK_REJECTIONS, Set.of("ingredient")),
            Map.entry(Intent.LOW_STOCK_INGREDIENTS, Set.of("ingredient")),
            Map.entry(Intent.RUNS_OUT_FIRST, Set.of("ingredient")),
            Map.entry(Intent.SOLD_OUT_PRODUCTS, Set.of("category", "product")),
            Map.entry(Intent.PAYMENT_FAILURE_RATE, Set.of()),
            Map.entry(Intent.CANCELLATIONS_BY_REASON, Set.of()),
            Map.entry(Intent.BUSIEST_HOURS, Set.of()),
            Map.entry(Intent.BEST_CUSTOMERS, Set.of()));

    private static Filters filters(Intent intent, FilterFinder.Found named, Window compare) {
        Set<String> supported = SUPPORTED.get(intent);
        List<String> without = new ArrayList<>();
        for (String dimension : named.without()) {
            // the time of day is what busiest hours answer; every payment is a card payment
            boolean itsOwn = (dimension.equals("time_of_day") && intent == Intent.BUSIEST_HOURS)
                    || (dimension.equals("card") && intent == Intent.PAYMENT_FAILURE_RATE);
            if (!itsOwn) {
                without.add(dimension.equals("card") ? "payment_method" : dimension);
            }
        }
        String status = named.status();
        if (status != null && !supported.contains("status")) {
            // "pedidos rejeitados por falta de estoque", "pagamentos recusados": the tool's own subject
            boolean itsOwn = intent == Intent.STOCK_REJECTIONS || intent == Intent.PAYMENT_FAILURE_RATE
                    || intent == Intent.CANCELLATIONS_BY_REASON;
            if (!itsOwn) {
                without.add("status");
            }
            status = null;
        }
        String category = keep("category", named.category(), supported, without);
        String product = keep("product", named.product(), supported, without);
        String ingredient = keep("ingredient", named.ingredient(), supported, without);
        String customer = keep("customer", named.customer(), supported, without);
        if (compare != null && !intent.windowed()) {
            without.add("compare");
            compare = null;
        }
        return new Filters(category, product, ingredient, status, customer, compare, without.stream().distinct().toList());
    }

    private static String keep(String dimension, String value, Set<String> supported, List<String> without) {
        if (value == null) {
            return null;
        }
        if (supported.contains(dimension)) {
            return value;
        }
        without.add(dimension);
        return null;
    }

    /** "hoje vs ontem", "esta semana e a passada": one period compared with another. */
    private static final Set<String> COMPARING = Vocabulary.set("comparing");
    /** "os 10 melhores": a number right before one of these is a limit. */
    private static final Set<String> RANKING = Vocabulary.set("ranking");
    /** "um", "a": one in passing, never a limit. */
    private static final Set<String> NOT_A_LIMIT = Vocabulary.set("not-a-limit");

    private static boolean comparing(List<String> tokens, boolean[] used) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!used[i] && COMPARING.contains(tokens.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static int firstNewlyUsed(boolean[] before, boolean[] after) {
        for (int i = 0; i < after.length; i++) {
            if (after[i] && !before[i]) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    static Window defaultWindow(Intent intent, LocalDate today) {
        return switch (intent.defaultPeriod()) {
            case TODAY -> Window.of(today, today);
            case LAST_7_DAYS -> Window.last(7, today);
            case LAST_30_DAYS -> Window.last(30, today);
            case NONE -> null;
        };
    }

    /** The rules: a score per tool whose rule holds (a specific anchor is worth 10, each supporting concept 1). */
    private static Map<Intent, Integer> score(Reading r, FilterFinder.Found named, boolean period) {
        Map<Intent, Integer> scores = new EnumMap<>(Intent.class);
        boolean stockWords = r.any(Concept.STOCK, Concept.LACK);

        // orders lost for lack of stock, and which ingredients were short
        if (!r.has(Concept.PAYMENT) && ((r.any(Concept.REJECT, Concept.FAIL, Concept.CANCEL) && (stockWords
                || r.has(Concept.SOLD_OUT))) || (r.has(Concept.ORDER) && r.has(Concept.LACK))
                || (r.has(Concept.STOCK) && r.has(Concept.LACK_PAST)))) {
            scores.put(Intent.STOCK_REJECTIONS, 12 + r.count(Concept.ORDER, Concept.COUNT, Concept.LACK_PAST));
        }
        // what runs out first at the current pace
        if ((r.has(Concept.RUN_OUT) && r.any(Concept.FIRST, Concept.WHEN, Concept.FORECAST, Concept.HOW_LONG))
                || (r.has(Concept.HOW_LONG) && r.has(Concept.STOCK))
                || (r.has(Concept.FORECAST) && r.has(Concept.STOCK) && !r.has(Concept.LOW))) {
            scores.put(Intent.RUNS_OUT_FIRST, 11 + r.count(Concept.STOCK, Concept.FIRST, Concept.FORECAST));
        }
        // low stock now
        if (r.has(Concept.LOW) && (r.has(Concept.STOCK) || !r.any(Concept.PRODUCT, Concept.ORDER, Concept.SOLD))
                && !r.has(Concept.LACK_PAST)) {
            scores.put(Intent.LOW_STOCK_INGREDIENTS, 10 + r.count(Concept.STOCK));
        }
        // products that cannot be sold now
        if (r.has(Concept.SOLD_OUT) && !r.any(Concept.REJECT, Concept.FAIL, Concept.ORDER, Concept.CANCEL)
                && !(r.has(Concept.STOCK) && !r.has(Concept.PRODUCT) && r.has(Concept.LOW))) {
            scores.put(Intent.SOLD_OUT_PRODUCTS, 10 + r.count(Concept.PRODUCT) + (r.has(Concept.LACK) ? 0 : 1));
        }
        // payments declined
        if (r.has(Concept.PAYMENT) && r.any(Concept.FAIL, Concept.DECLINED, Concept.REJECT, Concept.RATE)) {
            scores.put(Intent.PAYMENT_FAILURE_RATE, 12 + r.count(Concept.RATE, Concept.COUNT));
        }
        // cancellations
        if (r.has(Concept.CANCEL)) {
            scores.put(Intent.CANCELLATIONS_BY_REASON, 10 + r.count(Concept.REASON, Concept.ORDER, Concept.COUNT));
        }
        // average ticket
        if (r.has(Concept.TICKET) || (r.has(Concept.AVERAGE) && r.any(Concept.SPEND, Concept.MONEY,
                Concept.REVENUE, Concept.PER_ORDER))) {
            scores.put(Intent.AVERAGE_TICKET, 12 + r.count(Concept.AVERAGE, Concept.ORDER));
        }
        // revenue
        boolean revenue = r.has(Concept.REVENUE)
                || (r.has(Concept.HOW_MUCH) && r.any(Concept.SOLD, Concept.MONEY, Concept.EARN, Concept.SPEND))
                || (r.has(Concept.TOTAL) && r.any(Concept.SOLD, Concept.MONEY));
        if (revenue && !r.has(Concept.AVERAGE) && !(r.has(Concept.TOP) && r.has(Concept.PRODUCT))) {
            scores.put(Intent.REVENUE, 11 + r.count(Concept.MONEY, Concept.TOTAL));
        }
        // busiest hours
        if (r.has(Concept.HOUR) || (r.has(Concept.BUSY) && r.any(Concept.WHEN, Concept.TOP))) {
            scores.put(Intent.BUSIEST_HOURS, 12 + r.count(Concept.BUSY, Concept.ORDER));
        }
        // best customers: the customers are what is ranked (they come before any product in the question)
        boolean customersRanked = (r.has(Concept.CUSTOMER) && r.any(Concept.TOP, Concept.LOYAL))
                || (r.has(Concept.WHO) && r.has(Concept.TOP) && r.any(Concept.ORDER, Concept.SOLD));
        if (customersRanked && !r.before(Concept.PRODUCT, Concept.CUSTOMER)) {
            scores.put(Intent.BEST_CUSTOMERS, 11 + r.count(Concept.TOP, Concept.ORDER, Concept.LOYAL));
        }
        // best-selling products
        boolean topSelling = r.has(Concept.BESTSELLER) || (r.has(Concept.TOP) && r.any(Concept.SOLD, Concept.ORDER,
                Concept.PRODUCT));
        if (topSelling && !scores.containsKey(Intent.BEST_CUSTOMERS) && !scores.containsKey(Intent.BUSIEST_HOURS)
                && !stockWords && !r.any(Concept.CANCEL, Concept.PAYMENT, Concept.SOLD_OUT, Concept.REJECT)) {
            scores.put(Intent.TOP_PRODUCTS, 10 + r.count(Concept.PRODUCT, Concept.SOLD, Concept.ORDER,
                    Concept.BESTSELLER));
        }
        // orders by status: the plainest question about orders, beaten by anything more specific
        if (r.has(Concept.ORDER) && r.any(Concept.STATUS, Concept.COUNT, Concept.FAIL, Concept.REJECT)) {
            scores.put(Intent.ORDERS_BY_STATUS, 5 + r.count(Concept.STATUS, Concept.COUNT));
        } else if (named.status() != null && r.any(Concept.COUNT, Concept.ORDER)) {
            scores.put(Intent.ORDERS_BY_STATUS, 11); // "quantos estão sendo preparados?"
        } else if (r.has(Concept.ORDER) && scores.isEmpty() && (period || named.customer() != null
                || named.product() != null || named.category() != null || !named.without().isEmpty())) {
            scores.put(Intent.ORDERS_BY_STATUS, 5); // "pedidos da Ana Souza hoje", "pedidos de hoje contra ontem"
        }
        if (named.status() != null && scores.containsKey(Intent.ORDERS_BY_STATUS)
                && !scores.containsKey(Intent.STOCK_REJECTIONS)) {
            scores.put(Intent.ORDERS_BY_STATUS, 13); // a status named outright is about orders
        }
        // units of one product: "quantas calabresas vendemos?", "napolitanas vendidas ontem"
        if (named.product() != null && r.any(Concept.SOLD, Concept.COUNT) && !r.has(Concept.ORDER)
                && !r.any(Concept.HOW_MUCH, Concept.REVENUE, Concept.CANCEL, Concept.SOLD_OUT)) {
            scores.put(Intent.TOP_PRODUCTS, 11);
        }
        // an ingredient: what is used of it, how long it lasts, or how much there is
        if (named.ingredient() != null) {
            if (r.any(Concept.USE) && !scores.containsKey(Intent.STOCK_REJECTIONS)) {
                scores.put(Intent.RUNS_OUT_FIRST, 13);
            } else if (!r.any(Concept.SOLD, Concept.RUN_OUT, Concept.HOW_LONG, Concept.FORECAST, Concept.LACK_PAST,
                    Concept.REJECT, Concept.TOP, Concept.ORDER, Concept.LOW) && scores.isEmpty()) {
                scores.put(Intent.LOW_STOCK_INGREDIENTS, 10); // "quanta muçarela temos?"
            }
        }
        return scores;
    }

    /**
     * The concepts of the question and where each first occurs. The guards (personal data, writes, instructions,
     * unsupported topics) match exactly: a typo-tolerant guard would turn "mais" into "mails" and decline
     * half the questions; a misspelt request for e-mails still reaches no tool that has any.
     */
    private static Reading read(List<String> tokens, boolean[] used, Set<Concept> concepts, List<String> evidence) {
        Map<Concept, Integer> at = new EnumMap<>(Concept.class);
        boolean[] unknown = unknown(tokens);
        boolean[] exact = new boolean[tokens.size()];
        for (Concept concept : concepts) {
            boolean[] tolerant = GUARDS.contains(concept) ? exact : unknown;
            for (String pattern : concept.patterns) {
                int[] found = Words.find(pattern, tokens, used, tolerant);
                if (found != null && (!at.containsKey(concept) || found[0] < at.get(concept))) {
                    at.put(concept, found[0]);
                    evidence.add(concept.name().toLowerCase() + ":" + pattern);
                }
            }
        }
        return new Reading(at);
    }

    /**
     * The words that may be typos: those no pattern and no common word matches exactly. A known word is never
     * read as a misspelling of another ("pedidos" is not a typo of "perdidos").
     */
    private static boolean[] unknown(List<String> tokens) {
        boolean[] unknown = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            unknown[i] = !PT_WORDS.contains(token) && !EN_WORDS.contains(token) && !KNOWN.contains(token)
                    && java.util.Arrays.stream(Concept.values()).flatMap(c -> c.patterns.stream())
                    .flatMap(pattern -> java.util.Arrays.stream(pattern.split(" ")))
                    .noneMatch(word -> Words.matches(word, token, false));
        }
        return unknown;
    }

    /** "top 3", "os 10 melhores", "five best", "3 produtos": a number the period did not take. */
    private static Integer limit(List<String> tokens, boolean[] used, List<String> evidence) {
        for (int i = 0; i < tokens.size(); i++) {
            if (used[i]) {
                continue;
            }
            String token = tokens.get(i);
            Integer n = token.matches("\\d{1,6}") ? Integer.valueOf(token) : null;
            if (n == null && PeriodFinder.NUMBERS.containsKey(token) && !NOT_A_LIMIT.contains(token)) {
                boolean afterTop = i > 0 && tokens.get(i - 1).equals("top");
                boolean beforeRanking = i + 1 < tokens.size() && RANKING.contains(tokens.get(i + 1));
                n = afterTop || beforeRanking ? PeriodFinder.NUMBERS.get(token) : null;
            }
            if (n != null && !token.equals("86")) {
                used[i] = true;
                evidence.add("limit:" + n);
                return n;
            }
        }
        return null;
    }

    static Language language(String original, List<String> tokens) {
        int pt = PORTUGUESE_LETTERS.matcher(original.toLowerCase()).find() ? 2 : 0;
        int en = 0;
        for (String token : tokens) {
            pt += PT_WORDS.contains(token) ? 1 : 0;
            en += EN_WORDS.contains(token) ? 1 : 0;
        }
        return en > pt ? Language.EN : Language.PT;
    }
}
