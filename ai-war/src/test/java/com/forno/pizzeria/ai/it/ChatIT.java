package com.forno.pizzeria.ai.it;

import static com.forno.pizzeria.ai.it.Shop.at;
import static com.forno.pizzeria.ai.it.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.testing.ClientIT;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin chatbot through the real WAR, offline, answering from real rows through the analytics views: orders'
 * figures from the views over its read model, stock and names from the owning services' views.
 */
class ChatIT extends ClientIT<Api> {

    static final DateTimeFormatter BR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @BeforeAll
    static void otherServicesSchemas() {
        Shop.ready();
    }

    /** Three quiet days of business: what each test asks about, and what the answers must say. */
    record Business(LocalDate first, LocalDate last, String pizza, String drink, String shortSku, String bestName) {

        String pt() {
            return "de " + first.format(BR) + " a " + last.format(BR);
        }

        String en() {
            return "from " + first + " to " + last;
        }
    }

    static Business business() {
        LocalDate day = Shop.quietDays();
        String cheese = Shop.ingredient(Shop.unique("Queijo"), 100_000, 10);
        String pizza = Shop.unique("Pizza Teste");
        String drink = Shop.unique("Refri Teste");
        UUID pizzaId = Shop.product(pizza, "PIZZA", "Pizza de teste", Map.of(cheese, 100L));
        UUID drinkId = Shop.product(drink, "DRINK", "350 ml", Map.of(cheese, 1L));
        String best = Shop.unique("Ana");
        UUID ana = Shop.customer(best, Shop.unique("ana").replace(' ', '-') + "@example.com");
        UUID bruno = Shop.customer(Shop.unique("Bruno"), Shop.unique("bruno").replace(' ', '-') + "@example.com");
        for (int i = 0; i < 3; i++) {
            UUID order = Shop.order(ana, "DELIVERED", null, at(day.plusDays(i), 19, 10 + i), null,
                    line(pizzaId, 2, 5000), line(drinkId, 1, 700));
            Shop.payment(order, ana, "CAPTURED", null, 10_700, at(day.plusDays(i), 19, 11 + i));
        }
        UUID confirmed = Shop.order(bruno, "CONFIRMED", null, at(day.plusDays(1), 20, 30), null, line(pizzaId, 1, 5000));
        Shop.payment(confirmed, bruno, "AUTHORIZED", null, 5000, at(day.plusDays(1), 20, 31));
        Shop.order(bruno, "REJECTED", "OUT_OF_STOCK", at(day.plusDays(2), 19, 45),
                "[{\"available\":10,\"needed\":100,\"sku\":\"" + cheese + "\"}]", line(pizzaId, 1, 5000));
        UUID declined = Shop.order(bruno, "CANCELLED", "PAYMENT_DECLINED", at(day, 12, 5), null, line(drinkId, 2, 700));
        Shop.payment(declined, bruno, "DECLINED", "insufficient_funds", 1400, at(day, 12, 6));
        return new Business(day, day.plusDays(2), pizza, drink, cheese, best);
    }

    @Test
    void answersPortugueseQuestionsFromTheViews() {
        Business b = business();

        JsonObject top = api.chat("Quais foram os produtos mais vendidos " + b.pt() + "?");
        assertThat(top.getString("intent")).isEqualTo("top_products");
        assertThat(top.getString("source")).isEqualTo("offline");
        var products = top.getJsonObject("data").getJsonArray("products");
        assertThat(products.getJsonObject(0).getString("name")).isEqualTo(b.pizza());
        assertThat(products.getJsonObject(0).getInt("quantity")).isEqualTo(7);
        assertThat(products.getJsonObject(1).getString("name")).isEqualTo(b.drink());
        assertThat(products.getJsonObject(1).getInt("quantity")).isEqualTo(3);
        assertThat(top.getString("answer")).startsWith("Mais vendidos").contains(b.pizza());

        JsonObject revenue = api.chat("Qual foi o faturamento " + b.pt() + "?");
        assertThat(revenue.getString("intent")).isEqualTo("revenue");
        assertThat(revenue.getJsonObject("data").getInt("orders")).isEqualTo(4);
        assertThat(revenue.getJsonObject("data").getJsonNumber("revenueCents").longValue()).isEqualTo(37_100);
        assertThat(revenue.getString("answer")).contains("R$ 371,00");

        JsonObject rejected = api.chat("Quantos pedidos falharam por falta de estoque " + b.pt() + "?");
        assertThat(rejected.getString("intent")).isEqualTo("stock_rejections");
        assertThat(rejected.getJsonObject("data").getInt("rejectedOrders")).isEqualTo(1);
        assertThat(rejected.getJsonObject("data").getJsonArray("shortIngredients").getJsonObject(0).getString("sku"))
                .isEqualTo(b.shortSku());
        assertThat(rejected.getString("answer")).contains("1 pedido(s) rejeitado(s) por falta de estoque");

        JsonObject best = api.chat("Quem são os melhores clientes " + b.pt() + "?");
        assertThat(best.getString("intent")).isEqualTo("best_customers");
        JsonObject first = best.getJsonObject("data").getJsonArray("customers").getJsonObject(0);
        assertThat(first.keySet()).containsExactlyInAnyOrder("customerId", "name", "orders");
        assertThat(first.getString("name")).isEqualTo(b.bestName());
        assertThat(first.getInt("orders")).isEqualTo(3);

        JsonObject cancelled = api.chat("Cancelamentos por motivo " + b.pt());
        assertThat(cancelled.getString("intent")).isEqualTo("cancellations_by_reason");
        assertThat(cancelled.getJsonObject("data").getJsonArray("reasons").getJsonObject(0).getString("reason"))
                .isEqualTo("PAYMENT_DECLINED");

        JsonObject payments = api.chat("Qual a taxa de falha de pagamentos " + b.pt() + "?");
        assertThat(payments.getString("intent")).isEqualTo("payment_failure_rate");
        assertThat(payments.getJsonObject("data").getInt("payments")).isEqualTo(5);
        assertThat(payments.getJsonObject("data").getInt("declined")).isEqualTo(1);
        assertThat(payments.getJsonObject("data").getJsonNumber("failureRatePercent").doubleValue()).isEqualTo(20.0);

        JsonObject hours = api.chat("Qual o horário de pico " + b.pt() + "?");
        assertThat(hours.getString("intent")).isEqualTo("busiest_hours");
        assertThat(hours.getJsonObject("data").getJsonArray("hours").getJsonObject(0).getInt("hour")).isEqualTo(19);

        JsonObject statuses = api.chat("Pedidos por status " + b.pt());
        assertThat(statuses.getString("intent")).isEqualTo("orders_by_status");
        assertThat(statuses.getJsonObject("data").getInt("total")).isEqualTo(6);
    }

    @Test
    void answersEnglishQuestionsInEnglish() {
        Business b = business();

        JsonObject ticket = api.chat("What was the average ticket " + b.en() + "?");
        assertThat(ticket.getString("intent")).isEqualTo("average_ticket");
        assertThat(ticket.getJsonObject("data").getInt("averageCents")).isEqualTo(9275);
        assertThat(ticket.getString("answer")).startsWith("Average ticket from " + b.first()).contains("R$92.75");

        JsonObject rejected = api.chat("How many orders were rejected for lack of stock " + b.en() + "?");
        assertThat(rejected.getString("intent")).isEqualTo("stock_rejections");
        assertThat(rejected.getString("answer")).startsWith("1 order(s) rejected for lack of stock");

        JsonObject top = api.chat("What were the best-selling drinks " + b.en() + "?");
        assertThat(top.getString("intent")).isEqualTo("top_products");
        assertThat(top.getJsonObject("data").getString("category")).isEqualTo("DRINK");
        assertThat(top.getJsonObject("data").getJsonArray("products")).hasSize(1);
        assertThat(top.getString("answer")).startsWith("Best-selling drinks");
    }

    @Test
    void knowsTheStockAsItIsNow() {
        String scarce = Shop.ingredient(Shop.unique("Rúcula"), 5, 50);
        String plenty = Shop.ingredient(Shop.unique("Farinha"), 100_000, 10);
        String soldOut = Shop.unique("Pizza de Rúcula");
        String eightySixed = Shop.unique("Pizza do Chef");
        Shop.product(soldOut, "PIZZA", "Rúcula e muçarela", Map.of(scarce, 10L));
        Shop.soldOutByHand(Shop.product(eightySixed, "PIZZA", "Especial", Map.of(plenty, 10L)), true);

        JsonObject low = api.chat("Quais os 50 ingredientes com estoque baixo?");
        assertThat(low.getString("intent")).isEqualTo("low_stock_ingredients");
        assertThat(low.getJsonObject("data").getJsonArray("ingredients").stream()
                .map(i -> i.asJsonObject().getString("sku"))).contains(scarce).doesNotContain(plenty);

        JsonObject out = api.chat("Quais os 50 produtos esgotados agora?");
        assertThat(out.getString("intent")).isEqualTo("sold_out_products");
        assertThat(out.getJsonObject("data").getJsonArray("products").stream()
                .map(p -> p.asJsonObject().getString("name") + ":" + p.asJsonObject().getString("why")))
                .contains(soldOut + ":INGREDIENTS", eightySixed + ":MANUAL");
    }

    @Test
    void tellsWhichIngredientRunsOutFirstAndWhen() {
        LocalDate day = Shop.quietDays();
        String fast = Shop.ingredient(Shop.unique("Calabresa"), 100, 10);
        String slow = Shop.ingredient(Shop.unique("Orégano"), 10_000, 10);
        for (int i = 0; i < 3; i++) {
            Shop.sale(fast, 70, at(day.plusDays(i), 20, 0));
            Shop.sale(slow, 30, at(day.plusDays(i), 20, 0));
        }

        JsonObject reply = api.chat("No ritmo de " + day.format(BR) + " a " + day.plusDays(2).format(BR)
                + ", qual ingrediente vai acabar primeiro?");

        assertThat(reply.getString("intent")).isEqualTo("runs_out_first");
        var first = reply.getJsonObject("data").getJsonArray("ingredients").getJsonObject(0);
        assertThat(first.getString("sku")).isEqualTo(fast);
        assertThat(first.getJsonNumber("dailyUse").doubleValue()).isEqualTo(70.0);
        assertThat(first.getJsonNumber("daysLeft").doubleValue()).isEqualTo(1.4);
        assertThat(reply.getString("answer")).contains("o primeiro a acabar");
    }

    @Test
    void declinesHonestlyWhatItCannotAnswer() {
        JsonObject reply = api.chat("Qual foi o lucro líquido deste mês?");

        assertThat(reply.getString("intent")).isEqualTo("declined");
        assertThat(reply.getString("answer")).startsWith("Não sei").contains("Posso responder");
        assertThat(reply.getJsonObject("data").getJsonArray("canAnswer")).hasSize(12);
    }

    /** A word of letters only that no dictionary of the router knows: a name the test alone uses. */
    static String word() {
        StringBuilder word = new StringBuilder("Z");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 7; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    @Test
    void answersTheQuestionAskedNotABroaderOne() {
        LocalDate day = Shop.quietDays();
        String d = day.format(BR);
        String cheese = Shop.ingredient(Shop.unique("Queijo"), 100_000, 10);
        String pizza = "Pizza " + word();
        String drink = "Refri " + word();
        UUID pizzaId = Shop.product(pizza, "PIZZA", "Pizza de teste", Map.of(cheese, 100L));
        UUID drinkId = Shop.product(drink, "DRINK", "350 ml", Map.of(cheese, 1L));
        String twins = "Ana " + word();
        UUID first = Shop.customer(twins, Shop.unique("ana").replace(' ', '-') + "@example.com");
        UUID second = Shop.customer(twins, Shop.unique("ana").replace(' ', '-') + "@example.com");
        Shop.order(first, "DELIVERED", null, at(day, 19, 0), null, line(pizzaId, 2, 5000), line(drinkId, 1, 700));
        Shop.order(first, "DELIVERED", null, at(day, 20, 0), null, line(pizzaId, 2, 5000), line(drinkId, 1, 700));
        Shop.order(second, "PREPARING", null, at(day, 20, 30), null, line(drinkId, 3, 700));
        Shop.order(second, "OUT_FOR_DELIVERY", null, at(day, 21, 0), null, line(pizzaId, 1, 5000));
        Shop.order(second, "CANCELLED", "PAYMENT_DECLINED", at(day, 21, 5), null, line(drinkId, 5, 700));
        // the figures, from the rows above: sold = DELIVERED, PREPARING, OUT_FOR_DELIVERY
        long drinks = 2 * 700 + 3 * 700;
        long all = 2 * (2 * 5000 + 700) + 3 * 700 + 5000;

        JsonObject byCategory = api.chat("Quanto faturamos com bebidas em " + d + "?");
        assertThat(byCategory.getString("intent")).isEqualTo("revenue");
        assertThat(byCategory.getJsonObject("filters").getString("category")).isEqualTo("DRINK");
        assertThat(byCategory.getJsonObject("data").getJsonNumber("revenueCents").longValue()).isEqualTo(drinks);
        assertThat(byCategory.getJsonObject("data").getInt("orders")).isEqualTo(3);
        assertThat(byCategory.getString("answer")).startsWith("Só bebidas: Faturamento em " + d + ": R$ 35,00");

        JsonObject byStatus = api.chat("Quantos pedidos estão em preparo em " + d + "?");
        assertThat(byStatus.getString("intent")).isEqualTo("orders_by_status");
        assertThat(byStatus.getJsonObject("data").getInt("total")).isEqualTo(1);
        assertThat(byStatus.getJsonObject("data").getJsonArray("statuses").getJsonObject(0).getString("status"))
                .isEqualTo("PREPARING");
        assertThat(byStatus.getString("answer")).contains("Só pedidos em preparo").contains("1 pedido(s)");

        JsonObject byProduct = api.chat("Quantas " + pizza.substring(6).toLowerCase() + "s vendemos em " + d + "?");
        assertThat(byProduct.getString("intent")).isEqualTo("top_products");
        assertThat(byProduct.getJsonObject("filters").getString("product")).isEqualTo(pizza);
        var products = byProduct.getJsonObject("data").getJsonArray("products");
        assertThat(products).hasSize(1);
        assertThat(products.getJsonObject(0).getInt("quantity")).isEqualTo(5);
        assertThat(byProduct.getString("answer")).contains("o produto \"" + pizza + "\"");

        JsonObject unfiltered = api.chat("Quanto faturamos no pix em " + d + "?");
        assertThat(unfiltered.getString("intent")).isEqualTo("revenue");
        assertThat(unfiltered.getJsonArray("notFiltered").getString(0)).isEqualTo("payment_method");
        assertThat(unfiltered.getJsonObject("data").getJsonNumber("revenueCents").longValue()).isEqualTo(all);
        assertThat(unfiltered.getString("answer")).startsWith("Não consigo separar por forma de pagamento");

        JsonObject best = api.chat("Quem são os clientes que mais compraram em " + d + "?");
        var customers = best.getJsonObject("data").getJsonArray("customers");
        assertThat(customers).hasSize(2);
        assertThat(customers.getJsonObject(0).getString("name")).isEqualTo(twins);
        assertThat(customers.getJsonObject(1).getString("name")).isEqualTo(twins);
        // two customers of the same name are told apart by their ids, in the data and in the answer
        assertThat(best.getString("answer")).contains("#" + first.toString().substring(0, 8))
                .contains("#" + second.toString().substring(0, 8));
    }

    @Test
    void comparesTwoPeriodsOfOneCustomer() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("America/Sao_Paulo"));
        String ingredient = Shop.ingredient(Shop.unique("Farinha"), 100_000, 10);
        UUID pizzaId = Shop.product("Pizza " + word(), "PIZZA", "Pizza de teste", Map.of(ingredient, 1L));
        String name = "Bruno " + word();
        UUID bruno = Shop.customer(name, Shop.unique("bruno").replace(' ', '-') + "@example.com");
        Shop.order(bruno, "DELIVERED", null, at(today, 0, 5), null, line(pizzaId, 3, 5000));
        Shop.order(bruno, "DELIVERED", null, at(today.minusDays(1), 20, 0), null, line(pizzaId, 2, 5000));

        JsonObject reply = api.chat("Compare o faturamento de hoje com o de ontem do cliente " + name);

        assertThat(reply.getString("intent")).isEqualTo("revenue");
        assertThat(reply.getJsonObject("filters").getString("customer")).isEqualTo(name);
        assertThat(reply.getJsonObject("data").getJsonObject("current").getJsonNumber("revenueCents").longValue())
                .isEqualTo(15_000);
        assertThat(reply.getJsonObject("data").getJsonObject("previous").getJsonNumber("revenueCents").longValue())
                .isEqualTo(10_000);
        assertThat(reply.getString("answer")).contains(name).contains("Diferença: +R$ 50,00 (+50,0%)");
    }

    /**
     * The console's definitions: a sale counts on the day of its confirmation (GET /reports/sales), an order by
     * status on the day it was placed (the staff's list), a cancellation on the day it ended.
     */
    @Test
    void countsASaleOnTheDayOfItsConfirmationAsTheReportsDo() {
        LocalDate day = Shop.quietDays();
        String cheese = Shop.ingredient(Shop.unique("Queijo"), 100_000, 10);
        UUID pizzaId = Shop.product("Pizza " + word(), "PIZZA", "Pizza de teste", Map.of(cheese, 1L));
        UUID customer = Shop.customer(Shop.unique("Dora"), Shop.unique("dora").replace(' ', '-') + "@example.com");
        // placed at 23:55 in São Paulo, confirmed five minutes later: the next day's sale
        Shop.order(customer, "DELIVERED", null, at(day, 23, 55), at(day.plusDays(1), 0, 0).plusSeconds(300), null,
                line(pizzaId, 2, 5000));
        Shop.order(customer, "CANCELLED", "CANCELLED_BY_CUSTOMER", at(day, 23, 58), at(day.plusDays(1), 0, 0)
                .plusSeconds(60), null, line(pizzaId, 1, 5000));

        JsonObject placedDay = api.chat("Qual foi o faturamento em " + day.format(BR) + "?");
        JsonObject nextDay = api.chat("Qual foi o faturamento em " + day.plusDays(1).format(BR) + "?");
        JsonObject statuses = api.chat("Pedidos por status em " + day.format(BR));
        JsonObject cancelled = api.chat("Cancelamentos por motivo em " + day.plusDays(1).format(BR));

        assertThat(placedDay.getJsonObject("data").getInt("orders")).isZero();
        assertThat(nextDay.getJsonObject("data").getInt("orders")).isEqualTo(1);
        assertThat(nextDay.getJsonObject("data").getJsonNumber("revenueCents").longValue()).isEqualTo(10_000);
        assertThat(statuses.getJsonObject("data").getInt("total")).isEqualTo(2);
        assertThat(cancelled.getJsonObject("data").getInt("cancelled")).isEqualTo(1);
    }

    @Test
    void aPeriodOverAYearIsRefused() {
        JsonObject reply = api.chat("faturamento dos últimos 400 dias");

        assertThat(reply.getString("intent")).isEqualTo("revenue");
        assertThat(reply.getString("answer")).contains("366");
    }

    @Test
    void whenAViewCannotBeReadTheAnswerIs503AndSaysNothingMore() {
        Shop.update("revoke select on stock.analytics_ingredients from " + Shop.role());
        try {
            JsonObject problem = api.ask(Api.admin(), "Quais ingredientes estão com estoque baixo?").problem(503);
            assertThat(problem.getString("type")).endsWith("/analytics-unavailable");
            assertThat(problem.toString()).doesNotContain("permission").doesNotContain("analytics_ingredients");
        } finally {
            Shop.update("grant select on stock.analytics_ingredients to " + Shop.role());
        }
        api.ask(Api.admin(), "Quais ingredientes estão com estoque baixo?").expect(200);
    }

    @Test
    void onlyAnAdminMayAsk() {
        api.ask(Api.customer(UUID.randomUUID()), "Quais foram os produtos mais vendidos esta semana?").problem(403);
        api.ask(null, "Quais foram os produtos mais vendidos esta semana?").problem(401);
        api.ask(Api.admin(), " ").problem(400);
        api.ask(Api.admin(), "x".repeat(501)).problem(400);
    }
}
