package com.forno.pizzeria.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.ai.chat.entity.Filters;
import com.forno.pizzeria.ai.chat.entity.Intent;
import com.forno.pizzeria.ai.chat.entity.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The offline router against the chat evaluation: the tuning set ({@code chat-evaluation.txt}) and the held-out
 * set ({@code chat-heldout.txt}, committed before the router learnt filters and never tuned on). Each question has
 * the tool, the period and the filters it should get. Three outcomes:
 * <ul>
 * <li>exact: the tool, the period and every filter as expected, including what must be owned up to ("without");
 * <li>honest miss: declined, or a right tool and period that says which asked-for filter it did not apply;
 * <li>silent-wrong: a figure for another question than the one asked, without saying so (another tool, another
 * period, a filter dropped or added without a word).
 * </ul>
 * Prints both figures for each set and every question that is not exact; the held-out set must be at least 95%
 * exact with no silent-wrong answer, and no question that must be declined may reach a tool.
 */
class ChatEvaluationTest {

    static final LocalDate TODAY = LocalDate.of(2025, 11, 26);

    enum Outcome { EXACT, HONEST_MISS, SILENT_WRONG }

    record Case(String tool, String window, Map<String, String> filters, String question, boolean heldOut) {

        static Case parse(String line, boolean heldOut) {
            String[] f = line.split("\\|", 4);
            Map<String, String> filters = new TreeMap<>();
            if (!f[2].isBlank() && !f[2].strip().equals("-")) {
                for (String pair : f[2].strip().split(";")) {
                    String[] kv = pair.split("=", 2);
                    filters.put(kv[0].strip(), kv[1].strip());
                }
            }
            return new Case(f[0].strip(), f[1].strip(), filters, f[3].strip(), heldOut);
        }

        boolean mustDecline() {
            return tool.equals(Intent.DECLINED.tool());
        }
    }

    record Result(Case c, Outcome outcome, String got) {
    }

    @Test
    void heldOutIsAtLeast95PercentExactAndNeverSilentlyWrong() throws IOException {
        List<Result> tuning = evaluate(cases("/chat-evaluation.txt", false));
        List<Result> heldOut = evaluate(cases("/chat-heldout.txt", true));
        List<Result> all = new ArrayList<>(tuning);
        all.addAll(heldOut);

        report("held out (never tuned on)", heldOut);
        report("tuning set", tuning);
        report("whole evaluation", all);
        all.stream().filter(r -> r.outcome() != Outcome.EXACT).forEach(r -> System.out.printf(Locale.ROOT,
                "  %-12s %s %-70s expected %s %s %s, got %s%n", r.outcome(), r.c().heldOut() ? "H" : "T",
                r.c().question(), r.c().tool(), r.c().window(), r.c().filters(), r.got()));

        assertThat(all).hasSizeGreaterThanOrEqualTo(300);
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(100);
        assertThat(all).filteredOn(r -> r.c().mustDecline() && !r.got().startsWith("declined"))
                .as("questions that must be declined but reached a tool").isEmpty();
        assertThat(heldOut).filteredOn(r -> r.outcome() == Outcome.SILENT_WRONG).as("silent-wrong, held out")
                .isEmpty();
        assertThat(exact(heldOut)).as("exact, held out").isGreaterThanOrEqualTo(0.95);
    }

    static double exact(List<Result> results) {
        return (double) results.stream().filter(r -> r.outcome() == Outcome.EXACT).count() / results.size();
    }

    static void report(String name, List<Result> results) {
        long silent = results.stream().filter(r -> r.outcome() == Outcome.SILENT_WRONG).count();
        long honest = results.stream().filter(r -> r.outcome() == Outcome.HONEST_MISS).count();
        System.out.printf(Locale.ROOT, "chat evaluation, %s: %d questions, exact %.1f%% (%d), silent-wrong %d, "
                + "honest misses %d%n", name, results.size(), 100 * exact(results),
                results.stream().filter(r -> r.outcome() == Outcome.EXACT).count(), silent, honest);
    }

    static List<Result> evaluate(List<Case> cases) {
        Router router = new Router();
        List<Result> results = new ArrayList<>();
        for (Case c : cases) {
            Route route = router.route(c.question(), TODAY, EvaluationCatalog.CATALOG);
            results.add(new Result(c, outcome(c, route), describe(route)));
        }
        return results;
    }

    static Outcome outcome(Case c, Route route) {
        if (route.isDeclined()) {
            return c.mustDecline() ? Outcome.EXACT : Outcome.HONEST_MISS;
        }
        if (c.mustDecline() || !route.intent().tool().equals(c.tool()) || !window(route).equals(c.window())) {
            return Outcome.SILENT_WRONG;
        }
        Map<String, String> got = filters(route);
        if (got.equals(c.filters())) {
            return Outcome.EXACT;
        }
        // what differs is honest only if the answer says it: an expected filter the route lists as not applied
        List<String> declared = route.filters().without();
        Map<String, String> expected = c.filters();
        for (String key : union(got, expected)) {
            String want = expected.get(key);
            String have = got.get(key);
            if (key.equals("without") || (want != null && want.equals(have))) {
                continue;
            }
            boolean dropped = want != null && have == null && declared.contains(key);
            if (!dropped) {
                return Outcome.SILENT_WRONG;
            }
        }
        // and it must own up to everything the question names that no tool filters by
        List<String> wantWithout = expected.containsKey("without") ? List.of(expected.get("without").split(","))
                : List.of();
        return declared.containsAll(wantWithout) ? Outcome.HONEST_MISS : Outcome.SILENT_WRONG;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        return keys;
    }

    static String window(Route route) {
        return route.window() == null ? "-" : route.window().from() + ".." + route.window().to();
    }

    static Map<String, String> filters(Route route) {
        Map<String, String> got = new TreeMap<>();
        Filters f = route.filters();
        put(got, "category", f.category());
        put(got, "product", f.product());
        put(got, "ingredient", f.ingredient());
        put(got, "status", f.status());
        put(got, "customer", f.customer());
        put(got, "compare", f.compare() == null ? null : f.compare().from() + ".." + f.compare().to());
        put(got, "limit", route.limit() == null ? null : route.limit().toString());
        put(got, "without", f.without().isEmpty() ? null : String.join(",", f.without()));
        return got;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static String describe(Route route) {
        return route.isDeclined() ? "declined(" + route.decline() + ")"
                : route.intent().tool() + " " + window(route) + " " + filters(route);
    }

    static List<Case> cases(String resource, boolean heldOut) throws IOException {
        try (InputStream in = ChatEvaluationTest.class.getResourceAsStream(resource)) {
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    cases.add(Case.parse(line, heldOut));
                }
            }
            return cases;
        }
    }
}
