package com.forno.pizzeria.ai.chat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the two chat evaluations share: the questions of {@code chat-evaluation.txt} (the tuning set) and
 * {@code chat-heldout.txt} (the held-out set), each with the tool, period and filters it should get; how a routing
 * is judged; and how the figures are printed. {@code ChatEvaluationTest} judges the router alone,
 * {@code ChatEvaluationIT} the WAR's replies with their figures.
 * <ul>
 * <li>exact: the tool, the period and every filter as expected, including what must be owned up to ("without");
 * <li>honest miss: declined, or a right tool and period that says which asked-for filter it did not apply;
 * <li>silent-wrong: a figure for another question than the one asked, without saying so (another tool, another
 * period, a filter dropped or added without a word).
 * </ul>
 */
public final class ChatEvaluation {

    public enum Outcome { EXACT, HONEST_MISS, SILENT_WRONG }

    /** One line of a question file: {@code tool | from..to | key=value;... | question}. */
    public record Case(String tool, String window, Map<String, String> filters, String question, boolean heldOut) {

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

        public boolean mustDecline() {
            return tool.equals("declined");
        }

        /** The limit the question asks for, or the tools' default, 5. */
        public int limit() {
            return filters.containsKey("limit") ? Integer.parseInt(filters.get("limit")) : 5;
        }
    }

    private ChatEvaluation() {
    }

    /** The questions of a file on the test class path ("/chat-heldout.txt"), comments and blank lines left out. */
    public static List<Case> cases(String resource, boolean heldOut) throws IOException {
        try (InputStream in = ChatEvaluation.class.getResourceAsStream(resource)) {
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    cases.add(Case.parse(line, heldOut));
                }
            }
            return cases;
        }
    }

    /**
     * The right tool and period with these filters: exact when they are the expected ones; otherwise honest only
     * if what differs is an expected filter the reply says it did not apply ({@code declared}), and the reply owns
     * up to everything the question names that no tool filters by.
     */
    public static Outcome filters(Map<String, String> expected, Map<String, String> got, List<String> declared) {
        if (got.equals(expected)) {
            return Outcome.EXACT;
        }
        List<String> keys = new ArrayList<>(got.keySet());
        expected.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        for (String key : keys) {
            String want = expected.get(key);
            if (key.equals("without") || (want != null && want.equals(got.get(key)))) {
                continue;
            }
            boolean dropped = want != null && got.get(key) == null && declared.contains(key);
            if (!dropped) {
                return Outcome.SILENT_WRONG;
            }
        }
        List<String> wantWithout = expected.containsKey("without") ? List.of(expected.get("without").split(","))
                : List.of();
        return declared.containsAll(wantWithout) ? Outcome.HONEST_MISS : Outcome.SILENT_WRONG;
    }

    /** The results of each set, and of both. */
    public record Sets<R>(List<R> heldOut, List<R> tuning, List<R> all) {
    }

    /**
     * Judges the tuning set, then the held-out set, with {@code judge}, and prints the figures of each and of both
     * ("{@code title}, held out (never tuned on): 120 questions, exact ...").
     */
    public static <R> Sets<R> judge(String title, Function<List<Case>, List<R>> judge, Function<R, Outcome> outcome)
            throws IOException {
        List<R> tuning = judge.apply(cases("/chat-evaluation.txt", false));
        List<R> heldOut = judge.apply(cases("/chat-heldout.txt", true));
        List<R> all = new ArrayList<>(tuning);
        all.addAll(heldOut);
        report(title + ", held out (never tuned on)", heldOut.stream().map(outcome).toList());
        report(title + ", tuning set", tuning.stream().map(outcome).toList());
        report(title + ", whole evaluation", all.stream().map(outcome).toList());
        return new Sets<>(heldOut, tuning, all);
    }

    public static double exact(List<Outcome> outcomes) {
        return (double) outcomes.stream().filter(o -> o == Outcome.EXACT).count() / outcomes.size();
    }

    /** "chat evaluation, held out (never tuned on): 120 questions, exact 99.2% (119), silent-wrong 0, ...". */
    public static void report(String title, List<Outcome> outcomes) {
        System.out.printf(Locale.ROOT, "%s: %d questions, exact %.1f%% (%d), silent-wrong %d, honest misses %d%n",
                title, outcomes.size(), 100 * exact(outcomes), count(outcomes, Outcome.EXACT),
                count(outcomes, Outcome.SILENT_WRONG), count(outcomes, Outcome.HONEST_MISS));
    }

    private static long count(List<Outcome> outcomes, Outcome outcome) {
        return outcomes.stream().filter(o -> o == outcome).count();
    }
}
