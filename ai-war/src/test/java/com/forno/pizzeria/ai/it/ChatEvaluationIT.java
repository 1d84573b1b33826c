package com.forno.pizzeria.ai.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import com.forno.pizzeria.ai.chat.ChatEvaluation;
import com.forno.pizzeria.ai.chat.ChatEvaluation.Case;
import com.forno.pizzeria.ai.chat.ChatEvaluation.Outcome;
import java.io.IOException;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chat evaluation (chat-evaluation.txt, the tuning set, and chat-heldout.txt, the held-out set) asked of the
 * real WAR, with figures: every question goes through {@code POST /chat} over a shop this test wrote
 * ({@link EvaluationShop}: the demo menu, five customers, two months of orders), and its answer is exact only when
 * the routing is (tool, period, filters, what it owns up to not filtering by) AND the figures in its data are those
 * {@link EvaluationShop} computes from the rows it wrote, in plain Java, for the question as the file expects it.
 * Silent-wrong: another tool, period or filter without a word, or the right route with other figures (a figure for
 * another question than the one asked). Honest miss: declined, or a narrower filter left out and said so.
 * <p>
 * Runs in its own failsafe execution (ai-war's pom: "chat-evaluation"), with its own database, so that the demo
 * menu's names and the evaluation's customers never meet the other container tests' rows, and with
 * {@code ai.chat.today} set to the day the questions were written for (2025-11-26).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "it.chat.today", matches = "\\d{4}-\\d{2}-\\d{2}",
        disabledReason = "runs in the chat-evaluation execution, with ai.chat.today set")
class ChatEvaluationIT {

    /** @param figures the expected figures, when the routing was exact and so the figures were checked */
    record Result(Case c, Outcome outcome, String why, String figures) {

        Result(Case c, Outcome outcome, String why) {
            this(c, outcome, why, null);
        }

        /** Figures that say something: no empty list, no zero count (a check an empty shop would also pass). */
        boolean figuresSaySomething() {
            return figures != null && !figures.matches(".*(=0( |$)|\\[]).*");
        }
    }

    static EvaluationShop shop;

    @ArquillianResource
    URL base;

    @BeforeAll
    static void theEvaluationsShop() {
        Shop.ready();
        shop = new EvaluationShop(LocalDate.parse(System.getProperty("it.chat.today")));
        shop.seed();
    }

    @Test
    void heldOutIsAtLeast95PercentExactWithItsFiguresAndNeverSilentlyWrong() throws IOException {
        Api api = new Api(base);
        ChatEvaluation.Sets<Result> sets = ChatEvaluation.judge("chat evaluation with figures",
                cases -> evaluate(api, cases), Result::outcome);
        List<Result> heldOut = sets.heldOut();
        List<Result> all = sets.all();
        all.stream().filter(r -> r.outcome() != Outcome.EXACT).forEach(r -> System.out.printf(Locale.ROOT,
                "  %-12s %s %-70s %s%n", r.outcome(), r.c().heldOut() ? "H" : "T", r.c().question(), r.why()));

        List<Result> checked = all.stream().filter(r -> r.figures() != null).toList();
        System.out.printf(Locale.ROOT, "chat evaluation with figures: figures checked for %d questions (%d of them "
                + "neither zero nor empty); the rest were declined or missed on routing%n", checked.size(),
                checked.stream().filter(Result::figuresSaySomething).count());

        assertThat(all).hasSizeGreaterThanOrEqualTo(300);
        assertThat(checked.stream().filter(Result::figuresSaySomething).count())
                .as("questions whose expected figures are neither zero nor empty").isGreaterThanOrEqualTo(100);
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(100);
        assertThat(heldOut).filteredOn(r -> r.outcome() == Outcome.SILENT_WRONG).as("silent-wrong, held out")
                .isEmpty();
        assertThat(ChatEvaluation.exact(heldOut.stream().map(Result::outcome).toList()))
                .as("exact with figures, held out").isGreaterThanOrEqualTo(0.95);
    }

    List<Result> evaluate(Api api, List<Case> cases) {
        List<Result> results = new ArrayList<>();
        for (Case c : cases) {
            Api.Answer answer = api.ask(Api.admin(), c.question());
            results.add(answer.status() == 200 ? outcome(c, answer.json())
                    : new Result(c, Outcome.HONEST_MISS, "status " + answer.status() + ": " + answer.body()));
        }
        return results;
    }

    /** The routing, read from the reply, as ChatEvaluationTest judges it; then, if it is exact, the figures. */
    static Result outcome(Case c, JsonObject reply) {
        String intent = reply.getString("intent");
        if (intent.equals("declined")) {
            return new Result(c, c.mustDecline() ? Outcome.EXACT : Outcome.HONEST_MISS, "declined");
        }
        JsonValue data = reply.get("data");
        String got = intent + " " + window(data) + " " + filters(reply);
        if (data instanceof JsonObject o && o.containsKey("error")) {
            return new Result(c, c.mustDecline() ? Outcome.SILENT_WRONG : Outcome.HONEST_MISS,
                    "refused: " + o.getString("error"));
        }
        if (c.mustDecline() || !intent.equals(c.tool()) || !window(data).equals(c.window())) {
            return new Result(c, Outcome.SILENT_WRONG, "expected " + c.tool() + " " + c.window() + ", got " + got);
        }
        Map<String, String> expected = new TreeMap<>(c.filters());
        expected.remove("limit");
        Map<String, String> have = filters(reply);
        Outcome routing = ChatEvaluation.filters(expected, have, notFiltered(reply));
        if (routing != Outcome.EXACT) {
            return new Result(c, routing, "expected filters " + expected + ", got " + got);
        }
        // the routing is exact: now the figures, computed from the rows the test wrote
        String want;
        String figures;
        if (data instanceof JsonObject o && o.containsKey("current") && o.containsKey("previous")) {
            String[] compare = c.filters().get("compare").split("\\.\\.");
            want = "current " + expected(c, c.window()) + " previous " + expected(c, compare[0] + ".." + compare[1]);
            figures = "current " + figures(c.tool(), o.getJsonObject("current")) + " previous "
                    + figures(c.tool(), o.getJsonObject("previous"));
        } else {
            want = expected(c, c.window());
            figures = figures(c.tool(), data.asJsonObject());
        }
        return want.equals(figures) ? new Result(c, Outcome.EXACT, "", want)
                : new Result(c, Outcome.SILENT_WRONG, "figures: expected " + want + ", got " + figures, want);
    }

    static String expected(Case c, String window) {
        LocalDate from = window.equals("-") ? null : LocalDate.parse(window.substring(0, window.indexOf("..")));
        LocalDate to = window.equals("-") ? null : LocalDate.parse(window.substring(window.indexOf("..") + 2));
        return shop.expected(c.tool(), from, to, c.filters(), c.limit());
    }

    /** The reply's figures, in the form EvaluationShop.expected writes them. */
    static String figures(String tool, JsonObject d) {
        return switch (tool) {
            case "revenue" -> "orders=" + d.getJsonNumber("orders").longValue() + " cents="
                    + d.getJsonNumber("revenueCents").longValue();
            case "average_ticket" -> "orders=" + d.getJsonNumber("orders").longValue() + " average="
                    + d.getJsonNumber("averageCents").longValue();
            case "top_products" -> rows(d.getJsonArray("products"), "name", "quantity", "revenueCents");
            case "orders_by_status" -> "total=" + d.getJsonNumber("total").longValue() + " "
                    + rows(d.getJsonArray("statuses"), "status", "orders");
            case "best_customers" -> rows(d.getJsonArray("customers"), "customerId", "orders");
            case "busiest_hours" -> rows(d.getJsonArray("hours"), "hour", "orders");
            case "cancellations_by_reason" -> "cancelled=" + d.getJsonNumber("cancelled").longValue() + " "
                    + rows(d.getJsonArray("reasons"), "reason", "count");
            case "payment_failure_rate" -> "payments=" + d.getJsonNumber("payments").longValue() + " declined="
                    + d.getJsonNumber("declined").longValue() + " rate="
                    + d.getJsonNumber("failureRatePercent").doubleValue() + " "
                    + rows(d.getJsonArray("reasons"), "reason", "count");
            case "stock_rejections" -> "rejected=" + d.getJsonNumber("rejectedOrders").longValue() + " "
                    + rows(d.getJsonArray("shortIngredients"), "sku", "orders");
            case "low_stock_ingredients" -> d.containsKey("ingredients")
                    ? "count=" + d.getJsonNumber("count").longValue() + " "
                            + rows(d.getJsonArray("ingredients"), "sku", "available", "lowStockThreshold")
                    : d.getString("sku") + ":" + d.getJsonNumber("available").longValue() + ":"
                            + d.getJsonNumber("lowStockThreshold").longValue() + ":" + d.getBoolean("low");
            case "runs_out_first" -> d.getJsonArray("ingredients").stream().map(JsonValue::asJsonObject)
                    .map(i -> i.getString("sku") + ":" + i.getJsonNumber("used").longValue() + ":"
                            + i.getJsonNumber("dailyUse").doubleValue() + ":"
                            + i.getJsonNumber("daysLeft").doubleValue() + ":" + i.getString("runsOutOn"))
                    .toList().toString();
            case "sold_out_products" -> "count=" + d.getJsonNumber("count").longValue() + " "
                    + rows(d.getJsonArray("products"), "name", "category", "why");
            default -> throw new IllegalArgumentException("no figures for " + tool);
        };
    }

    private static String rows(JsonArray rows, String... fields) {
        return rows.stream().map(JsonValue::asJsonObject).map(row -> java.util.Arrays.stream(fields)
                .map(f -> row.get(f).getValueType() == JsonValue.ValueType.STRING ? row.getString(f)
                        : row.get(f).toString())
                .collect(Collectors.joining(":"))).toList().toString();
    }

    /** The period of the reply's data: its period, the basis of an outlook, the current one of a comparison. */
    static String window(JsonValue data) {
        if (!(data instanceof JsonObject o)) {
            return "-";
        }
        if (o.containsKey("current") && o.get("current") instanceof JsonObject current) {
            return window(current);
        }
        for (String key : List.of("period", "basis")) {
            if (o.get(key) instanceof JsonObject period) {
                return period.getString("from") + ".." + period.getString("to");
            }
        }
        return "-";
    }

    static Map<String, String> filters(JsonObject reply) {
        Map<String, String> got = new TreeMap<>();
        JsonObject filters = reply.getJsonObject("filters");
        if (filters != null) {
            filters.forEach((key, value) -> got.put(key, ((jakarta.json.JsonString) value).getString()));
        }
        List<String> without = notFiltered(reply);
        if (!without.isEmpty()) {
            got.put("without", String.join(",", without));
        }
        return got;
    }

    static List<String> notFiltered(JsonObject reply) {
        JsonArray without = reply.getJsonArray("notFiltered");
        return without == null ? List.of()
                : without.stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }
}
