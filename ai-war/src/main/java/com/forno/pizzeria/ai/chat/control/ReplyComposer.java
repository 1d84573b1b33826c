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
 * Sentences from the tools' results, in Portuguese or English: templates, so that an answer never says more than
 * the figures do. Names that come from the data (products, customers) are quoted as they are: data, never
 * instructions. Anything that looks like an e-mail address is removed from every answer, whatever produced it.
 */
final class ReplyComposer {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final DateTimeFormatter BR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("PENDING", new String[] {"pendentes", "pending"}),
            Map.entry("AWAITING_PAYMENT", new String[] {"aguardando pagamento", "awaiting payment"}),
            Map.entry("CONFIRMED", new String[] {"confirmados", "confirmed"}),
            Map.entry("PREPARING", new String[] {"em preparo", "preparing"}),
            Map.entry("OUT_FOR_DELIVERY", new String[] {"saíram para entrega", "out for delivery"}),
            Map.entry("DELIVERED", new String[] {"entregues", "delivered"}),
            Map.entry("REJECTED", new String[] {"rejeitados", "rejected"}),
            Map.entry("CANCELLED", new String[] {"cancelados", "cancelled"}),
            Map.entry("PAYMENT_DECLINED", new String[] {"pagamento recusado", "payment declined"}),
            Map.entry("CANCELLED_BY_CUSTOMER", new String[] {"cancelado pelo cliente", "cancelled by the customer"}),
            Map.entry("CANCELLED_BY_ADMIN", new String[] {"cancelado pela loja", "cancelled by staff"}),
            Map.entry("EXPIRED", new String[] {"prazo expirado", "expired"}),
            Map.entry("OUT_OF_STOCK", new String[] {"falta de estoque", "out of stock"}),
            Map.entry("MANUAL", new String[] {"marcado à mão", "marked by hand"}),
            Map.entry("INGREDIENTS", new String[] {"faltam ingredientes", "ingredients short"}),
            Map.entry("PIZZA", new String[] {"pizzas", "pizzas"}),
            Map.entry("DRINK", new String[] {"bebidas", "drinks"}),
            Map.entry("DESSERT", new String[] {"sobremesas", "desserts"}),
            Map.entry("SIDE", new String[] {"acompanhamentos", "sides"}));

    private static final Map<String, String[]> DIMENSIONS = Map.ofEntries(
            Map.entry("payment_method", new String[] {"forma de pagamento", "payment method"}),
            Map.entry("neighbourhood", new String[] {"bairro ou região", "neighbourhood or region"}),
            Map.entry("channel", new String[] {"canal de venda (app, iFood...)", "sales channel (app, iFood...)"}),
            Map.entry("delivery_type", new String[] {"entrega ou retirada", "delivery or pickup"}),
            Map.entry("size", new String[] {"tamanho", "size"}),
            Map.entry("time_of_day", new String[] {"hora do dia", "time of day"}),
            Map.entry("coupon", new String[] {"cupom ou promoção", "coupon or promotion"}),
            Map.entry("category", new String[] {"categoria", "category"}),
            Map.entry("product", new String[] {"produto", "product"}),
            Map.entry("ingredient", new String[] {"ingrediente", "ingredient"}),
            Map.entry("status", new String[] {"status do pedido", "order status"}),
            Map.entry("customer", new String[] {"cliente", "customer"}),
            Map.entry("compare", new String[] {"comparação de períodos", "comparison of periods"}));

    private ReplyComposer() {
    }

    /**
     * The answer to a routed question: first what it could not filter by, then what it is narrowed to, then the
     * figure (for a comparison, both periods and the difference). The answer always names what it answered.
     */
    static String render(Object result, Filters filters, Catalog catalog, Language l) {
        String body;
        if (result instanceof Comparison c) {
            body = render(c.current(), l) + (pt(l) ? " Comparação — " : " Compared with — ")
                    + render(c.previous(), l) + difference(c, l);
        } else {
            body = render(result, l);
        }
        return redact(notFiltered(filters.without(), l) + scope(result, filters, catalog, l) + body);
    }

    /** "Não consigo separar por forma de pagamento; o número abaixo é o total." */
    static String notFiltered(List<String> without, Language l) {
        if (without.isEmpty()) {
            return "";
        }
        String what = without.stream().map(d -> DIMENSIONS.getOrDefault(d, new String[] {d, d})[pt(l) ? 0 : 1])
                .collect(Collectors.joining(pt(l) ? " nem por " : " or by "));
        return pt(l) ? "Não consigo separar por " + what + "; o número abaixo não tem esse filtro. "
                : "I can't break this down by " + what + "; the figure below is without that filter. ";
    }

    /** "Só bebidas: ", "Only orders preparing, of customer "Ana Souza" (#1a2b3c4d): ". */
    static String scope(Object result, Filters f, Catalog catalog, Language l) {
        List<String> parts = new java.util.ArrayList<>();
        Object figure = result instanceof Comparison c ? c.current() : result;
        boolean stockTool = figure instanceof IngredientStock || figure instanceof RunsOut;
        if (f.status() != null) {
            parts.add(pt(l) ? "pedidos " + word(f.status(), l) : "orders " + word(f.status(), l));
        }
        if (f.category() != null && !(figure instanceof TopProducts)) { // "Mais vendidos (bebidas)" says it
            parts.add(word(f.category(), l));
        }
        if (f.product() != null) {
            parts.add((pt(l) ? "o produto " : "the product ") + quoted(f.product()));
        }
        if (f.ingredient() != null && !stockTool) {
            String name = ingredientName(f.ingredient(), catalog);
            parts.add(figure instanceof StockRejections
                    ? (pt(l) ? "pedidos em que faltou " : "orders short of ") + quoted(name)
                    : (pt(l) ? "produtos com " : "products with ") + quoted(name));
        }
        if (f.customer() != null) {
            List<Catalog.Customer> same = catalog.customersNamed(f.customer());
            String ids = same.stream().map(c -> "#" + shortId(c.id().toString())).collect(Collectors.joining(", "));
            parts.add((pt(l) ? "cliente " : "customer ") + quoted(f.customer())
                    + (same.size() > 1 ? (pt(l) ? " (" + same.size() + " clientes com esse nome, somados: "
                    : " (" + same.size() + " customers of that name, added up: ") + ids + ")"
                    : same.size() == 1 ? " (" + ids + ")" : ""));
        }
        if (parts.isEmpty()) {
            return "";
        }
        return (pt(l) ? "Só " : "Only ") + String.join(pt(l) ? "; " : "; ", parts) + ": ";
    }

    /**
     * The check every answer goes through, whoever wrote it (a template or a language model): it must name each
     * filter it applied and own up to each one it could not; whatever it leaves out is said before it.
     */
    static String ensureNamed(String answer, Filters f, Catalog catalog, Language l) {
        String plain = Words.normalize(answer);
        // owned up to when the answer names the dimension's words (without the examples in brackets)
        String missing = f.without().stream().filter(d -> !plain.contains(Words.normalize(
                DIMENSIONS.getOrDefault(d, new String[] {d, d})[pt(l) ? 0 : 1].replaceAll(" \\(.*", ""))))
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
        return (pt(l) ? " Diferença: " : " Difference: ") + amount + percent + ".";
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
            text = pt(l) ? "Faturamento " + period(r.period(), l) + ": " + money(r.revenueCents(), l)
                    + " em " + r.orders() + " pedido(s) confirmado(s)."
                    : "Revenue " + period(r.period(), l) + ": " + money(r.revenueCents(), l) + " from "
                    + r.orders() + " confirmed order(s).";
        } else if (result instanceof AverageTicket r) {
            text = averageTicket(r, l);
        } else if (result instanceof PaymentFailures r) {
            text = paymentFailures(r, l);
        } else if (result instanceof Cancellations r) {
            text = cancellations(r, l);
        } else if (result instanceof LowStock r) {
            text = lowStock(r, l);
        } else if (result instanceof IngredientStock r) {
            text = ingredientStock(r, l);
        } else if (result instanceof RunsOut r) {
            text = runsOut(r, l);
        } else if (result instanceof SoldOut r) {
            text = soldOut(r, l);
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
        String reason = switch (why) {
            case PERSONAL_DATA -> pt(l)
                    ? "Não posso informar dados pessoais de clientes (e-mail, telefone, endereço, cartão, senha)."
                    : "I can't share customers' personal data (e-mail, phone, address, card, password).";
            case WRITE -> pt(l) ? "Eu só consulto dados: não altero, apago nem crio nada, e não escrevo SQL."
                    : "I only read figures: I don't change, delete or create anything, and I don't write SQL.";
            case INSTRUCTIONS -> pt(l) ? "Não mudo minhas instruções." : "I don't change my instructions.";
            case UNSUPPORTED -> pt(l) ? "Não sei: não tenho dados para responder isso."
                    : "I don't know: I have no data to answer that.";
            case FUTURE -> pt(l) ? "Não sei prever vendas futuras."
                    : "I don't know how to forecast future sales.";
            case UNKNOWN -> pt(l) ? "Não sei responder essa pergunta com segurança."
                    : "I don't know how to answer that reliably.";
        };
        return reason + " " + capabilities(l);
    }

    static String capabilities(Language l) {
        String list = java.util.Arrays.stream(Intent.answerable()).map(intent -> intent.describe(l))
                .collect(Collectors.joining("; "));
        return pt(l) ? "Posso responder: " + list + ". Períodos: hoje, ontem, esta semana, semana passada, "
                + "últimos N dias, este mês, mês passado ou datas (24/11 a 26/11)."
                : "I can answer: " + list + ". PeriodFinder: today, yesterday, this week, last week, last N days, "
                + "this month, last month, or dates (2025-11-24 to 2025-11-26).";
    }

    static String invalid(String message, Language l) {
        return (pt(l) ? "Não consigo com esses parâmetros: " : "I can't with those parameters: ") + message + ".";
    }

    static String redact(String text) {
        return text == null ? null : EMAIL.matcher(text).replaceAll("[e-mail removido]");
    }

    // --- one template per tool -------------------------------------------------------------------------------

    private static String topProducts(TopProducts r, Language l) {
        String what = r.category() == null ? (pt(l) ? "produtos" : "products") : word(r.category(), l);
        if (r.products().isEmpty()) {
            return pt(l) ? "Nenhuma venda de " + what + " " + period(r.period(), l) + "."
                    : "No " + what + " sold " + period(r.period(), l) + ".";
        }
        String list = numbered(r.products(), p -> quoted(p.name()) + " (" + p.quantity() + (pt(l) ? " un., " : " units, ")
                + money(p.revenueCents(), l) + ")");
        return pt(l) ? "Mais vendidos (" + what + ") " + period(r.period(), l) + ": " + list + "."
                : "Best-selling " + what + " " + period(r.period(), l) + ": " + list + ".";
    }

    private static String averageTicket(AverageTicket r, Language l) {
        if (r.orders() == 0) {
            return pt(l) ? "Nenhum pedido confirmado " + period(r.period(), l) + ", então não há ticket médio."
                    : "No confirmed orders " + period(r.period(), l) + ", so there is no average ticket.";
        }
        return pt(l) ? "Ticket médio " + period(r.period(), l) + ": " + money(r.averageCents(), l) + " ("
                + r.orders() + " pedido(s) confirmado(s))."
                : "Average ticket " + period(r.period(), l) + ": " + money(r.averageCents(), l) + " ("
                + r.orders() + " confirmed order(s)).";
    }

    private static String stockRejections(StockRejections r, Language l) {
        String head = pt(l) ? r.rejectedOrders() + " pedido(s) rejeitado(s) por falta de estoque " + period(r.period(), l)
                : r.rejectedOrders() + " order(s) rejected for lack of stock " + period(r.period(), l);
        if (r.shortIngredients().isEmpty()) {
            return head + ".";
        }
        String list = r.shortIngredients().stream()
                .map(s -> quoted(s.ingredient()) + " (" + s.orders() + (pt(l) ? " pedido(s))" : " order(s))"))
                .collect(Collectors.joining(", "));
        return head + (pt(l) ? ". Ingredientes que faltaram: " : ". Ingredients that were short: ") + list + ".";
    }

    private static String ordersByStatus(OrdersByStatus r, Language l) {
        if (r.total() == 0) {
            return pt(l) ? "Nenhum pedido " + period(r.period(), l) + "." : "No orders " + period(r.period(), l) + ".";
        }
        String list = r.statuses().stream().map(s -> s.orders() + " " + word(s.status(), l))
                .collect(Collectors.joining(", "));
        return pt(l) ? r.total() + " pedido(s) " + period(r.period(), l) + ": " + list + "."
                : r.total() + " order(s) " + period(r.period(), l) + ": " + list + ".";
    }

    private static String paymentFailures(PaymentFailures r, Language l) {
        if (r.payments() == 0) {
            return pt(l) ? "Nenhum pagamento " + period(r.period(), l) + "."
                    : "No payments " + period(r.period(), l) + ".";
        }
        String rate = percent(r.failureRatePercent(), l);
        String reasons = r.reasons().isEmpty() ? "" : (pt(l) ? " Motivos: " : " Reasons: ") + r.reasons().stream()
                .map(reason -> reason.reason() + " (" + reason.count() + ")").collect(Collectors.joining(", ")) + ".";
        return (pt(l) ? "Taxa de falha de pagamentos " + period(r.period(), l) + ": " + rate + " (" + r.declined()
                + " recusado(s) de " + r.payments() + ")."
                : "Payment failure rate " + period(r.period(), l) + ": " + rate + " (" + r.declined()
                + " declined of " + r.payments() + ").") + reasons;
    }

    private static String cancellations(Cancellations r, Language l) {
        if (r.cancelled() == 0) {
            return pt(l) ? "Nenhum pedido cancelado " + period(r.period(), l) + "."
                    : "No cancelled orders " + period(r.period(), l) + ".";
        }
        String list = r.reasons().stream().map(reason -> word(reason.reason(), l) + ": " + reason.count())
                .collect(Collectors.joining(", "));
        return pt(l) ? r.cancelled() + " pedido(s) cancelado(s) " + period(r.period(), l) + ". Por motivo: " + list + "."
                : r.cancelled() + " order(s) cancelled " + period(r.period(), l) + ". By reason: " + list + ".";
    }

    private static String lowStock(LowStock r, Language l) {
        if (r.ingredients().isEmpty()) {
            return pt(l) ? "Nenhum ingrediente com estoque baixo agora." : "No ingredient is low on stock now.";
        }
        String list = r.ingredients().stream().map(i -> quoted(i.name()) + " (" + i.available() + " " + i.unit()
                + (pt(l) ? ", mínimo " : ", threshold ") + i.lowStockThreshold() + ")").collect(Collectors.joining(", "));
        return pt(l) ? r.count() + " ingrediente(s) com estoque baixo: " + list + "."
                : r.count() + " ingredient(s) low on stock: " + list + ".";
    }

    private static String ingredientStock(IngredientStock r, Language l) {
        return pt(l) ? quoted(r.name()) + " agora: " + r.available() + " " + r.unit() + " disponíveis (mínimo "
                + r.lowStockThreshold() + "): " + (r.low() ? "estoque baixo." : "estoque acima do mínimo.")
                : quoted(r.name()) + " now: " + r.available() + " " + r.unit() + " available (threshold "
                + r.lowStockThreshold() + "): " + (r.low() ? "low on stock." : "above the threshold.");
    }

    private static String runsOut(RunsOut r, Language l) {
        if (r.ingredients().size() == 1 && r.filtered()) {
            var d = r.ingredients().get(0);
            return pt(l) ? quoted(d.name()) + " " + period(r.basis(), l) + ": vendas usaram " + d.used() + " " + d.unit()
                    + " (" + number(d.dailyUse(), l) + " " + d.unit() + "/dia); " + d.available() + " " + d.unit()
                    + " disponíveis, cerca de " + days(d.daysLeft(), l) + " nesse ritmo (por volta de "
                    + date(d.runsOutOn(), l) + ")."
                    : quoted(d.name()) + " " + period(r.basis(), l) + ": sales used " + d.used() + " " + d.unit() + " ("
                    + number(d.dailyUse(), l) + " " + d.unit() + "/day); " + d.available() + " " + d.unit()
                    + " available, about " + days(d.daysLeft(), l) + " at that pace (around "
                    + date(d.runsOutOn(), l) + ").";
        }
        if (r.ingredients().isEmpty() && r.filtered()) {
            return pt(l) ? "Nenhum consumo desse ingrediente pelas vendas " + period(r.basis(), l) + "."
                    : "Sales used none of that ingredient " + period(r.basis(), l) + ".";
        }
        if (r.ingredients().isEmpty()) {
            return pt(l) ? "Não houve vendas " + period(r.basis(), l) + " para estimar o ritmo de consumo."
                    : "There were no sales " + period(r.basis(), l) + " to estimate the pace of use.";
        }
        var first = r.ingredients().get(0);
        String rest = r.ingredients().stream().skip(1)
                .map(d -> quoted(d.name()) + " (" + days(d.daysLeft(), l) + ")").collect(Collectors.joining(", "));
        return (pt(l) ? "No ritmo de vendas " + period(r.basis(), l) + ", o primeiro a acabar é " + quoted(first.name())
                + ": " + first.available() + " " + first.unit() + " disponíveis, uso de " + number(first.dailyUse(), l)
                + " " + first.unit() + "/dia, cerca de " + days(first.daysLeft(), l) + " (por volta de "
                + date(first.runsOutOn(), l) + ")."
                : "At the sales pace " + period(r.basis(), l) + ", the first to run out is " + quoted(first.name())
                + ": " + first.available() + " " + first.unit() + " available, using " + number(first.dailyUse(), l)
                + " " + first.unit() + "/day, about " + days(first.daysLeft(), l) + " (around "
                + date(first.runsOutOn(), l) + ").")
                + (rest.isEmpty() ? "" : (pt(l) ? " Depois: " : " Then: ") + rest + ".");
    }

    private static String soldOut(SoldOut r, Language l) {
        if (r.products().isEmpty()) {
            return pt(l) ? "Nenhum produto esgotado agora: todo o cardápio pode ser feito."
                    : "Nothing is sold out now: every menu item can be made.";
        }
        String list = r.products().stream().map(p -> quoted(p.name()) + " (" + word(p.why(), l) + ")")
                .collect(Collectors.joining(", "));
        return pt(l) ? r.count() + " produto(s) esgotado(s) agora: " + list + "."
                : r.count() + " product(s) sold out now: " + list + ".";
    }

    private static String busiestHours(BusiestHours r, Language l) {
        if (r.hours().isEmpty()) {
            return pt(l) ? "Nenhum pedido " + period(r.period(), l) + "." : "No orders " + period(r.period(), l) + ".";
        }
        String list = r.hours().stream().map(h -> String.format(Locale.ROOT, "%02dh–%02dh", h.hour(), (h.hour() + 1) % 24)
                + " (" + h.orders() + (pt(l) ? " pedidos)" : " orders)")).collect(Collectors.joining(", "));
        return pt(l) ? "Horários de pico " + period(r.period(), l) + ": " + list + "."
                : "Busiest hours " + period(r.period(), l) + ": " + list + ".";
    }

    private static String bestCustomers(BestCustomers r, Language l) {
        if (r.customers().isEmpty()) {
            return pt(l) ? "Nenhum pedido confirmado " + period(r.period(), l) + "."
                    : "No confirmed orders " + period(r.period(), l) + ".";
        }
        // the id tells apart two customers of the same name
        String list = numbered(r.customers(), c -> quoted(c.name() == null ? (pt(l) ? "conta removida" : "deleted account")
                : c.name()) + " (#" + shortId(c.customerId()) + ", " + c.orders() + (pt(l) ? " pedidos)" : " orders)"));
        return pt(l) ? "Clientes com mais pedidos " + period(r.period(), l) + ": " + list + "."
                : "Customers with the most orders " + period(r.period(), l) + ": " + list + ".";
    }

    // --- formatting ------------------------------------------------------------------------------------------

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

    private static String word(String code, Language l) {
        String[] words = WORDS.get(code);
        return words == null ? code : words[pt(l) ? 0 : 1];
    }

    static String period(ToolResults.Period p, Language l) {
        if (p.from().equals(p.to())) {
            return (pt(l) ? "em " : "on ") + date(p.from(), l);
        }
        return (pt(l) ? "de " : "from ") + date(p.from(), l) + (pt(l) ? " a " : " to ") + date(p.to(), l);
    }

    private static String date(String iso, Language l) {
        return pt(l) ? LocalDate.parse(iso).format(BR) : iso;
    }

    static String money(long cents, Language l) {
        String units = String.format(Locale.ROOT, "%,d", cents / 100);
        String fraction = String.format(Locale.ROOT, "%02d", Math.abs(cents % 100));
        return pt(l) ? "R$ " + units.replace(',', '.') + "," + fraction : "R$" + units + "." + fraction;
    }

    private static String percent(double value, Language l) {
        return number(value, l) + "%";
    }

    private static String number(double value, Language l) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return pt(l) ? text.replace('.', ',') : text;
    }

    private static String days(double days, Language l) {
        return number(days, l) + (pt(l) ? " dia(s)" : " day(s)");
    }
}
