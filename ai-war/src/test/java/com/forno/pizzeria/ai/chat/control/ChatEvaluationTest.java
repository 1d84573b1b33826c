package com.forno.pizzeria.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.ai.chat.ChatEvaluation;
import com.forno.pizzeria.ai.chat.ChatEvaluation.Case;
import com.forno.pizzeria.ai.chat.ChatEvaluation.Outcome;
import com.forno.pizzeria.ai.chat.entity.Route;
import java.io.IOException;
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
 * the tool, the period and the filters it should get; the outcomes (exact, honest miss, silent-wrong) are those of
 * {@link ChatEvaluation}. Prints both figures for each set and every question that is not exact; the held-out set
 * must be at least 95% exact with no silent-wrong answer, and no question that must be declined may reach a tool.
 */
class ChatEvaluationTest {

    static final LocalDate TODAY = LocalDate.of(2025, 11, 26);

    record Result(Case c, Outcome outcome, String got) {
    }

    @Test
    void heldOutIsAtLeast95PercentExactAndNeverSilentlyWrong() throws IOException {
        ChatEvaluation.Sets<Result> sets = ChatEvaluation.judge("chat evaluation", ChatEvaluationTest::evaluate,
                Result::outcome);
        List<Result> heldOut = sets.heldOut();
        List<Result> all = sets.all();
        all.stream().filter(r -> r.outcome() != Outcome.EXACT).forEach(r -> System.out.printf(Locale.ROOT,
                "  %-12s %s %-70s expected %s %s %s, got %s%n", r.outcome(), r.c().heldOut() ? "H" : "T",
                r.c().question(), r.c().tool(), r.c().window(), r.c().filters(), r.got()));

        assertThat(all).hasSizeGreaterThanOrEqualTo(300);
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(100);
        assertThat(all).filteredOn(r -> r.c().mustDecline() && !r.got().startsWith("declined"))
                .as("questions that must be declined but reached a tool").isEmpty();
        assertThat(heldOut).filteredOn(r -> r.outcome() == Outcome.SILENT_WRONG).as("silent-wrong, held out")
                .isEmpty();
        assertThat(ChatEvaluation.exact(heldOut.stream().map(Result::outcome).toList())).as("exact, held out")
                .isGreaterThanOrEqualTo(0.95);
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
        return ChatEvaluation.filters(c.filters(), filters(route), route.filters().without());
    }

    static String window(Route route) {
        return route.window() == null ? "-" : route.window().from() + ".." + route.window().to();
    }

    /** The filters as the reply carries them ({@link Chatbot#applied}), with the limit and what it did not apply. */
    static Map<String, String> filters(Route route) {
        Map<String, String> got = new TreeMap<>(Chatbot.applied(route.filters()));
        if (route.limit() != null) {
            got.put("limit", route.limit().toString());
        }
        if (!route.filters().without().isEmpty()) {
            got.put("without", String.join(",", route.filters().without()));
        }
        return got;
    }

    static String describe(Route route) {
        return route.isDeclined() ? "declined(" + route.decline() + ")"
                : route.intent().tool() + " " + window(route) + " " + filters(route);
    }
}
