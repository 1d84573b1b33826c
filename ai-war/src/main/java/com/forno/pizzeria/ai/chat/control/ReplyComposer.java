package com.forno.pizzeria.ai.chat.control;

import com.forno.pizzeria.ai.chat.entity.ToolResults;
import com.forno.pizzeria.ai.chat.entity.ToolResults.AverageTicket;
import com.forno.pizzeria.ai.chat.entity.ToolResults.BestCustomers;
import com.forno.pizzeria.ai.chat.entity.ToolResults.BusiestHours;
import com.forno.pizzeria.ai.chat.entity.ToolResults.Cancellations;
import com.forno.pizzeria.ai.chat.entity.ToolResults.LowStock;
import com.forno.pizzeria.ai.chat.entity.ToolResults.OrdersByStatus;
import com.forno.pizzeria.ai.chat.entity.ToolResults.PaymentFailures;
import com.forno.pizzeria.ai.chat.entity.ToolResults.Revenue;
import com.forno.pizzeria.ai.chat.entity.ToolResults.RunsOut;
import com.forno.pizzeria.ai.chat.entity.ToolResults.SoldOut;
import com.forno.pizzeria.ai.chat.entity.ToolResults.StockRejections;
import com.forno.pizzeria.ai.chat.entity.ToolResults.TopProducts;
import com.forno.pizzeria.ai.chat.entity.Catalog;
import com.forno.pizzeria.ai.chat.entity.ToolResults.Comparison;
import com.forno.pizzeria.ai.chat.entity.ToolResults.IngredientStock;
import com.forno.pizzeria.ai.chat.entity.Filters;
import com.forno.pizzeria.ai.chat.entity.Intent;
import com.forno.pizzeria.ai.chat.entity.Language;
import com.forno.pizzeria.ai.chat.entity.Route.Decline;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Composes the reply's sentences from the tools' results, in Portuguese or English, with the templates of
 * {@link ReplyTemplates} ({@code chat/replies_*.properties}): an answer never says more than the figures do. Names
 * that come from the data (products, customers) are quoted as they are: data, never instructions. Anything that
 * looks like an e-mail address is removed from every answer, whatever produced it.
 */
final class ReplyComposer {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

    private ReplyComposer() {
    }

    /**
     * The answer to a routed question: first what it could not filter by, then what it is narrowed to, then the
     * figure (for a comparison, both periods and the difference). The answer always names what it answered.
     */
    static String render(Object result, Filters filters, Catalog catalog, Language l) {
        String body;
        if (result instanceof Comparison c) {
            body = t(l, "comparison", render(c.current(), l), render(c.previous(), l)) + difference(c, l);
        } else {
            body = render(result, l);
        }
        return redact(notFiltered(filters.without(), l) + scope(result, filters, catalog, l) + body);
    }

    /** "Não consigo separar por forma de pagamento; o número abaixo não tem esse filtro. " */
    static String notFiltered(List<String> without, Language l) {
        if (without.isEmpty()) {
            return "";
        }
        return t(l, "not-filtered", without.stream().map(d -> dimension(d, l))
                .collect(Collectors.joining(t(l, "not-filtered.joiner"))));
    }

    /** "Só bebidas: ", "Only orders preparing, of customer "Ana Souza" (#1a2b3c4d): ". */
    static String scope(Object result, Filters f, Catalog catalog, Language l) {
        List<String> parts = new java.util.ArrayList<>();
        Object figure = result instanceof Comparison c ? c.current() : result;
        boolean stockTool = figure instanceof IngredientStock || figure instanceof RunsOut;
        if (f.status() != null) {
            parts.add(t(l, "scope.status", word(f.status(), l)));
        }
        if (f.category() != null && !(figure instanceof TopProducts)) { // "Mais vendidos (bebidas)" says it
            parts.add(word(f.category(), l));
        }
        if (f.product() != null) {
            parts.add(t(l, "scope.product", quoted(f.product())));
        }
        if (f.ingredient() != null && !stockTool) {
            String name = quoted(ingredientName(f.ingredient(), catalog));
            parts.add(t(l, figure instanceof StockRejections ? "scope.short-ingredient" : "scope.ingredient", name));
        }
        if (f.customer() != null) {
            List<Catalog.Customer> same = catalog.customersNamed(f.customer());
            String ids = same.stream().map(c -> "#" + shortId(c.id().toString())).collect(Collectors.joining(", "));
            parts.add(t(l, "scope.customer", quoted(f.customer()))
                    + (same.size() > 1 ? t(l, "scope.customers-of-that-name", same.size(), ids)
                    : same.size() == 1 ? " (" + ids + ")" : ""));
        }
        if (parts.isEmpty()) {
            return "";
        }
        return t(l, "scope", String.join("; ", parts));
    }

    /**
     * The check every answer goes through, whoever wrote it (a template or a language model): it must name each
     * filter it applied and own up to each one it could not; whatever it leaves out is said before it.
     */
    static String ensureNamed(String answer, Filters f, Catalog catalog, Language l) {
        String plain = Words.normalize(answer);
        // owned up to when the answer names the dimension's words (without the examples in brackets)
        String missing = f.without().stream().filter(d -> !plain.contains(Words.normalize(
                dimension(d, l).replaceAll(" \\(.*", ""))))
                .findAny().isPresent() ? notFiltered(f.without(), l) : "";
        boolean named = (f.category() == null || plain.contains(Words.normalize(word(f.category(), l))))
                && (f.product() == null || plain.contains(Words.normalize(f.product())))
                && (f.customer() == null || plain.contains(Words.normalize(f.customer())))
                && (f.status() == null || plain.contains(Words.normalize(word(f.status(), l))))
                && (f.ingredient() == null || plain.contains(Words.normalize(ingredientName(f.ingredient(), catalog)))
                || plain.contains(Words.normalize(f.ingredient())));
        String scope = named ? "" : scope(null, f, catalog, l);
        return missing + scope + answer;
    }

    private static String difference(Comparison c, Language l) {
        long now;
        long before;
        boolean money;
        if (c.current() instanceof Revenue a && c.previous() instanceof Revenue b) {
            now = a.revenueCents();
            before = b.revenueCents();
            money = true;
        } else if (c.current() instanceof AverageTicket a && c.previous() instanceof AverageTicket b) {
            now = a.averageCents();
            before = b.averageCents();
            money = true;
        } else if (c.current() instanceof OrdersByStatus a && c.previous() instanceof OrdersByStatus b) {
            now = a.total();
            before = b.total();
            money = false;
        } else {
            return "";
        }
        long delta = now - before;
        String amount = money ? (delta < 0 ? "-" : "+") + money(Math.abs(delta), l) : (delta < 0 ? "" : "+") + delta;
        String percent = before == 0 ? "" : " (" + (delta < 0 ? "" : "+") + number(100.0 * delta / before, l) + "%)";
        return t(l, "comparison.difference", amount, percent);
    }

    private static String ingredientName(String sku, Catalog catalog) {
        return catalog.ingredients().stream().filter(i -> i.sku().equals(sku)).map(Catalog.Ingredient::name)
                .findFirst().orElse(sku);
    }

    static String shortId(String id) {
        return id == null ? "?" : id.length() > 8 ? id.substring(0, 8) : id;
    }

    static String render(Object result, Language l) {
        String text;
        if (result instanceof TopProducts r) {
            text = topProducts(r, l);
        } else if (result instanceof StockRejections r) {
            text = stockRejections(r, l);
        } else if (result instanceof OrdersByStatus r) {
            text = ordersByStatus(r, l);
        } else if (result instanceof Revenue r) {
            text = t(l, "revenue", period(r.period(), l), money(r.revenueCents(), l), r.orders());
        } else if (result instanceof AverageTicket r) {
            text = r.orders() == 0 ? t(l, "average-ticket.none", period(r.period(), l))
                    : t(l, "average-ticket", period(r.period(), l), money(r.averageCents(), l), r.orders());
        } else if (result instanceof PaymentFailures r) {
            text = paymentFailures(r, l);
        } else if (result instanceof Cancellations r) {
            text = cancellations(r, l);
        } else if (result instanceof LowStock r) {
            text = lowStock(r, l);
        } else if (result instanceof IngredientStock r) {
            text = t(l, r.low() ? "ingredient-stock.low" : "ingredient-stock.enough", quoted(r.name()), r.available(),
                    r.unit(), r.lowStockThreshold());
        } else if (result instanceof RunsOut r) {
            text = runsOut(r, l);
        } else if (result instanceof SoldOut r) {
            text = r.products().isEmpty() ? t(l, "sold-out.none") : t(l, "sold-out", r.count(), r.products().stream()
                    .map(p -> quoted(p.name()) + " (" + word(p.why(), l) + ")").collect(Collectors.joining(", ")));
        } else if (result instanceof BusiestHours r) {
            text = busiestHours(r, l);
        } else if (result instanceof BestCustomers r) {
            text = bestCustomers(r, l);
        } else {
            throw new IllegalArgumentException("no template for " + result.getClass());
        }
        return redact(text);
    }

    static String declined(Decline why, Language l) {
        return t(l, "declined." + why.name()) + " " + capabilities(l);
    }

    static String capabilities(Language l) {
        return t(l, "capabilities", java.util.Arrays.stream(Intent.answerable())
                .map(intent -> t(l, "tool." + intent.tool())).collect(Collectors.joining("; ")));
    }

    static String invalid(String message, Language l) {
        return t(l, "invalid", message);
    }

    static String redact(String text) {
        return text == null ? null : EMAIL.matcher(text).replaceAll("[e-mail removido]");
    }

    // --- the tools whose reply takes more than one template --------------------------------------------------

    private static String topProducts(TopProducts r, Language l) {
        String what = r.category() == null ? t(l, "top-products.all") : word(r.category(), l);
        if (r.products().isEmpty()) {
            return t(l, "top-products.none", what, period(r.period(), l));
        }
        String list = numbered(r.products(), p -> t(l, "top-products.item", quoted(p.name()), p.quantity(),
                money(p.revenueCents(), l)));
        return t(l, "top-products", what, period(r.period(), l), list);
    }

    private static String stockRejections(StockRejections r, Language l) {
        if (r.shortIngredients().isEmpty()) {
            return t(l, "stock-rejections", r.rejectedOrders(), period(r.period(), l));
        }
        String list = r.shortIngredients().stream()
                .map(s -> t(l, "stock-rejections.item", quoted(s.ingredient()), s.orders()))
                .collect(Collectors.joining(", "));
        return t(l, "stock-rejections.with-short", r.rejectedOrders(), period(r.period(), l), list);
    }

    private static String ordersByStatus(OrdersByStatus r, Language l) {
        if (r.total() == 0) {
            return t(l, "no-orders", period(r.period(), l));
        }
        String list = r.statuses().stream().map(s -> s.orders() + " " + word(s.status(), l))
                .collect(Collectors.joining(", "));
        return t(l, "orders-by-status", r.total(), period(r.period(), l), list);
    }

    private static String paymentFailures(PaymentFailures r, Language l) {
        if (r.payments() == 0) {
            return t(l, "payment-failures.none", period(r.period(), l));
        }
        String reasons = r.reasons().isEmpty() ? "" : t(l, "payment-failures.reasons", r.reasons().stream()
                .map(reason -> reason.reason() + " (" + reason.count() + ")").collect(Collectors.joining(", ")));
        return t(l, "payment-failures", period(r.period(), l), number(r.failureRatePercent(), l) + "%", r.declined(),
                r.payments()) + reasons;
    }

    private static String cancellations(Cancellations r, Language l) {
        if (r.cancelled() == 0) {
            return t(l, "cancellations.none", period(r.period(), l));
        }
        String list = r.reasons().stream().map(reason -> word(reason.reason(), l) + ": " + reason.count())
                .collect(Collectors.joining(", "));
        return t(l, "cancellations", r.cancelled(), period(r.period(), l), list);
    }

    private static String lowStock(LowStock r, Language l) {
        if (r.ingredients().isEmpty()) {
            return t(l, "low-stock.none");
        }
        String list = r.ingredients().stream().map(i -> t(l, "low-stock.item", quoted(i.name()), i.available(),
                i.unit(), i.lowStockThreshold())).collect(Collectors.joining(", "));
        return t(l, "low-stock", r.count(), list);
    }

    private static String runsOut(RunsOut r, Language l) {
        if (r.ingredients().size() == 1 && r.filtered()) {
            var d = r.ingredients().get(0);
            return t(l, "runs-out.one", quoted(d.name()), period(r.basis(), l), d.used(), d.unit(),
                    number(d.dailyUse(), l), d.available(), days(d.daysLeft(), l), date(d.runsOutOn(), l));
        }
        if (r.ingredients().isEmpty()) {
            return t(l, r.filtered() ? "runs-out.none-of-it" : "runs-out.no-sales", period(r.basis(), l));
        }
        var first = r.ingredients().get(0);
        String rest = r.ingredients().stream().skip(1)
                .map(d -> quoted(d.name()) + " (" + days(d.daysLeft(), l) + ")").collect(Collectors.joining(", "));
        return t(l, "runs-out.first", period(r.basis(), l), quoted(first.name()), first.available(), first.unit(),
                number(first.dailyUse(), l), days(first.daysLeft(), l), date(first.runsOutOn(), l))
                + (rest.isEmpty() ? "" : t(l, "runs-out.then", rest));
    }

    private static String busiestHours(BusiestHours r, Language l) {
        if (r.hours().isEmpty()) {
            return t(l, "no-orders", period(r.period(), l));
        }
        String list = r.hours().stream().map(h -> t(l, "busiest-hours.item",
                String.format(Locale.ROOT, "%02dh–%02dh", h.hour(), (h.hour() + 1) % 24), h.orders()))
                .collect(Collectors.joining(", "));
        return t(l, "busiest-hours", period(r.period(), l), list);
    }

    private static String bestCustomers(BestCustomers r, Language l) {
        if (r.customers().isEmpty()) {
            return t(l, "best-customers.none", period(r.period(), l));
        }
        // the id tells apart two customers of the same name
        String list = numbered(r.customers(), c -> t(l, "best-customers.item",
                quoted(c.name() == null ? t(l, "best-customers.deleted") : c.name()), shortId(c.customerId()),
                c.orders()));
        return t(l, "best-customers", period(r.period(), l), list);
    }

    // --- formatting ------------------------------------------------------------------------------------------

    private static String t(Language l, String key, Object... figures) {
        return ReplyTemplates.text(l, key, figures);
    }

    private static boolean pt(Language l) {
        return l == Language.PT;
    }

    private static <T> String numbered(List<T> items, Function<T, String> line) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(i + 1).append(". ").append(line.apply(items.get(i)));
        }
        return text.toString();
    }

    /** A name from the data, quoted and cut short: it is shown, never obeyed. */
    static String quoted(String name) {
        String plain = name == null ? "" : name.replaceAll("\\s+", " ").strip();
        return "\"" + (plain.length() > 60 ? plain.substring(0, 57) + "..." : plain) + "\"";
    }

    /** The words of a status, reason or category code; the code itself when it has none. */
    private static String word(String code, Language l) {
        return ReplyTemplates.textOr(l, "word." + code, code);
    }

    /** The words of what a figure could not be narrowed by ("payment_method": "forma de pagamento"). */
    private static String dimension(String dimension, Language l) {
        return ReplyTemplates.textOr(l, "dimension." + dimension, dimension);
    }

    static String period(ToolResults.Period p, Language l) {
        if (p.from().equals(p.to())) {
            return t(l, "period.day", date(p.from(), l));
        }
        return t(l, "period.days", date(p.from(), l), date(p.to(), l));
    }

    private static String date(String iso, Language l) {
        return LocalDate.parse(iso).format(DATES.get(l));
    }

    private static final Map<Language, DateTimeFormatter> DATES = Map.of(
            Language.PT, DateTimeFormatter.ofPattern(t(Language.PT, "date-format")),
            Language.EN, DateTimeFormatter.ofPattern(t(Language.EN, "date-format")));

    static String money(long cents, Language l) {
        String units = String.format(Locale.ROOT, "%,d", cents / 100);
        String fraction = String.format(Locale.ROOT, "%02d", Math.abs(cents % 100));
        return pt(l) ? "R$ " + units.replace(',', '.') + "," + fraction : "R$" + units + "." + fraction;
    }

    private static String number(double value, Language l) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return pt(l) ? text.replace('.', ',') : text;
    }

    private static String days(double days, Language l) {
        return t(l, "days", number(days, l));
    }
}
