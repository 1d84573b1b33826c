package com.forno.pizzeria.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.ai.chat.entity.Intent;
import com.forno.pizzeria.ai.chat.entity.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The offline router against {@code router-evaluation.txt}: every question with the tool and the parameters it
 * should get (or a decline). Prints the accuracy and every miss; at least 90% must be right, and no question it
 * must decline may reach a tool.
 */
class RouterEvaluationTest {

    static final LocalDate TODAY = LocalDate.of(2025, 11, 26);

    record Case(String tool, String window, String limit, String category, String question, boolean heldOut) {

        static Case parse(String line, boolean heldOut) {
            String[] f = line.split("\\|", 5);
            return new Case(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip(), heldOut);
        }

        boolean mustDecline() {
            return tool.equals(Intent.DECLINED.tool());
        }
    }

    @Test
    void routesAtLeastNinetyPercentRightAndNeverAnswersWhatItMustDecline() throws IOException {
        List<Case> cases = cases();
        Router router = new Router();
        List<String> misses = new ArrayList<>();
        List<String> wronglyAnswered = new ArrayList<>();
        int right = 0;
        int heldOutRight = 0;
        int portuguese = 0;
        for (Case c : cases) {
            Route route = router.route(c.question(), TODAY);
            String window = route.window() == null ? "-" : route.window().from() + ".." + route.window().to();
            String limit = route.limit() == null ? "-" : route.limit().toString();
            String category = route.category() == null ? "-" : route.category();
            boolean ok = route.intent().tool().equals(c.tool()) && (c.mustDecline()
                    || (window.equals(c.window()) && limit.equals(c.limit()) && Objects.equals(category, c.category())));
            if (ok) {
                right++;
                heldOutRight += c.heldOut() ? 1 : 0;
            } else {
                misses.add(String.format("  %-80s expected %s %s %s %s, got %s %s %s %s  %s", c.question(), c.tool(),
                        c.window(), c.limit(), c.category(), route.intent().tool(), window, limit, category,
                        route.evidence()));
            }
            if (c.mustDecline() && !route.isDeclined()) {
                wronglyAnswered.add(c.question());
            }
            portuguese += Router.language(c.question(), Words.tokens(c.question())).name().equals("PT") ? 1 : 0;
        }
        double accuracy = (double) right / cases.size();
        long declines = cases.stream().filter(Case::mustDecline).count();
        System.out.printf(Locale.ROOT, "router evaluation: %d questions (%d must be declined, %d read as Portuguese): "
                + "accuracy %.1f%% (%d right)%n", cases.size(), declines, portuguese, 100 * accuracy, right);
        long heldOut = cases.stream().filter(Case::heldOut).count();
        System.out.printf(Locale.ROOT, "  of which held out (not tuned on): %d of %d right (%.1f%%)%n", heldOutRight,
                heldOut, 100.0 * heldOutRight / heldOut);
        misses.forEach(System.out::println);

        assertThat(cases).hasSizeGreaterThanOrEqualTo(80);
        assertThat(wronglyAnswered).as("questions that must be declined but reached a tool").isEmpty();
        assertThat(accuracy).isGreaterThanOrEqualTo(0.90);
    }

    static List<Case> cases() throws IOException {
        try (InputStream in = RouterEvaluationTest.class.getResourceAsStream("/router-evaluation.txt")) {
            List<Case> cases = new ArrayList<>();
            boolean heldOut = false;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                heldOut |= line.startsWith("# Held out");
                if (!line.isBlank() && !line.startsWith("#")) {
                    cases.add(Case.parse(line, heldOut));
                }
            }
            return cases;
        }
    }
}
