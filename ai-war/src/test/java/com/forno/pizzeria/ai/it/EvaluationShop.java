package com.forno.pizzeria.ai.it;

import static com.forno.pizzeria.ai.it.Shop.at;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The chat evaluation's shop: the demo menu (the names chat-heldout.txt's questions use), its ingredients by their
 * SKUs, the five customers of the evaluation (two of them both called Ana Souza) and two months of orders up to the
 * evaluation's "today", written into the evaluation's own database through {@link Shop} (orders' tables and read
 * model, payments, stock's ledger). It keeps what it wrote, and computes every tool's figures from that in plain
 * Java, by the definitions the tools document (not by their SQL): the expected figures of each question.
 */
final class EvaluationShop {

    static final List<String> STATUS_ORDER = List.of("PENDING", "AWAITING_PAYMENT", "CONFIRMED", "PREPARING",
            "OUT_FOR_DELIVERY", "DELIVERED", "REJECTED", "CANCELLED");
    static final List<String> CATEGORY_ORDER = List.of("PIZZA", "SIDE", "DRINK", "DESSERT");

    record Ingredient(String sku, String name, long onHand, long threshold) {
        boolean low() {
            return onHand <= threshold;
        }
    }

    record Product(UUID id, String name, String category, long price, Map<String, Long> recipe, boolean soldOutByHand) {
    }

    record Customer(UUID id, String name) {
    }

    record Line(Product product, int quantity) {
        long cents() {
            return quantity * product.price();
        }
    }

    record Order(UUID customer, String status, String reason, Instant at, List<Line> lines, List<String> shortages,
                 String payment, String paymentReason) {

        LocalDate day() {
            return LocalDate.ofInstant(at, Shop.ZONE);
        }

        boolean sold() {
            return Shop.SOLD.contains(status);
        }

        long total() {
            return lines.stream().mapToLong(Line::cents).sum();
        }
    }

    record Sale(String sku, long quantity, LocalDate day) {
    }

    final LocalDate today;
    final Map<String, Ingredient> ingredients = new LinkedHashMap<>();
    final List<Product> products = new ArrayList<>();
    final List<Customer> customers = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    final List<Sale> sales = new ArrayList<>();

    EvaluationShop(LocalDate today) {
        this.today = today;
    }

    // --- the seed ------------------------------------------------------------------------------------------------

    private static final String[][] INGREDIENTS = {
            {"MASSA-PIZZA", "Massa de pizza, disco de 35 cm", "600", "50"},
            {"MOLHO-TOMATE", "Molho de tomate da casa", "40000", "2000"},
            {"MUCARELA", "Queijo muçarela", "1800", "2000"},
            {"PROVOLONE", "Queijo provolone", "9000", "1000"},
            {"PARMESAO", "Queijo parmesão ralado", "6000", "500"},
            {"GORGONZOLA", "Queijo gorgonzola", "300", "500"},
            {"CATUPIRY", "Requeijão Catupiry", "0", "500"},
            {"CALABRESA", "Linguiça calabresa fatiada", "12000", "1500"},
            {"PEPPERONI", "Pepperoni fatiado", "7000", "800"},
            {"PRESUNTO", "Presunto cozido", "9000", "800"},
            {"FRANGO", "Peito de frango desfiado", "10000", "1000"},
            {"ATUM", "Atum sólido em conserva", "5000", "600"},
            {"OVO", "Ovo de galinha", "300", "30"},
            {"TOMATE", "Tomate italiano", "8000", "1000"},
            {"CEBOLA", "Cebola", "9000", "800"},
            {"PIMENTAO", "Pimentão verde", "4000", "400"},
            {"CHAMPIGNON", "Champignon fatiado", "3500", "400"},
            {"MILHO", "Milho verde", "5000", "400"},
            {"ERVILHA", "Ervilha", "5000", "400"},
            {"AZEITONA", "Azeitona preta", "3000", "200"},
            {"ALHO", "Alho", "2000", "100"},
            {"MANJERICAO", "Manjericão fresco", "400", "50"},
            {"OREGANO", "Orégano", "900", "50"},
            {"PIMENTA-CALABRESA", "Pimenta calabresa em flocos", "500", "30"},
            {"AZEITE", "Azeite de oliva extravirgem", "3000", "300"},
            {"GOIABADA", "Goiabada cascão", "4000", "500"},
            {"CHOCOLATE", "Chocolate ao leite", "9000", "1000"},
            {"GRANULADO", "Chocolate granulado", "2000", "200"},
            {"LEITE-CONDENSADO", "Leite condensado", "5000", "500"},
            {"MANTEIGA", "Manteiga sem sal", "3000", "300"},
            {"ACUCAR", "Açúcar refinado", "5000", "500"},
            {"FARINHA", "Farinha de trigo", "20000", "2000"},
            {"MORANGO", "Morango", "3000", "400"},
            {"SORVETE-CREME", "Sorvete de creme", "4000", "500"},
            {"BATATA", "Batata palito congelada", "15000", "2000"},
            {"PAO-FRANCES", "Pão francês", "120", "20"},
            {"GUARANA-LATA", "Guaraná Antarctica lata 350 ml", "96", "24"},
            {"COCA-LATA", "Coca-Cola lata 350 ml", "120", "24"},
            {"COCA-ZERO-LATA", "Coca-Cola Zero lata 350 ml", "6", "12"},
            {"SUCO-LARANJA", "Suco de laranja natural", "20000", "3000"},
            {"AGUA-SEM-GAS", "Água mineral sem gás 500 ml", "48", "12"},
            {"AGUA-COM-GAS", "Água mineral com gás 500 ml", "0", "12"}};

    private static Map<String, Long> pizza(Object... more) {
        Map<String, Long> recipe = new TreeMap<>(Map.of("MASSA-PIZZA", 1L, "MOLHO-TOMATE", 80L));
        for (int i = 0; i < more.length; i += 2) {
            recipe.put((String) more[i], ((Number) more[i + 1]).longValue());
        }
        return recipe;
    }

    private static Map<String, Long> of(Object... pairs) {
        Map<String, Long> recipe = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            recipe.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return recipe;
    }

    /** Writes the menu, the stock, the customers, the orders with their payments, and stock's sales ledger. */
    void seed() {
        for (String[] i : INGREDIENTS) {
            Ingredient ingredient = new Ingredient(i[0], i[1], Long.parseLong(i[2]), Long.parseLong(i[3]));
            ingredients.put(ingredient.sku(), ingredient);
            Shop.update("""
                    insert into stock.ingredient (sku, name, unit, on_hand, reserved, low_stock_threshold, safety_buffer,
                                                  low_published, created_at, updated_at)
                    values (?, ?, 'g', ?, 0, ?, 0, false, now(), now())""",
                    ingredient.sku(), ingredient.name(), ingredient.onHand(), ingredient.threshold());
        }
        product("Calabresa", "PIZZA", 4900, pizza("MUCARELA", 150, "CALABRESA", 120, "CEBOLA", 40), false);
        product("Margherita", "PIZZA", 5200, pizza("MUCARELA", 180, "TOMATE", 60, "MANJERICAO", 5), false);
        product("Marguerita", "PIZZA", 4800, pizza("MUCARELA", 180, "TOMATE", 60, "OREGANO", 2), false);
        product("Muçarela", "PIZZA", 4500, pizza("MUCARELA", 220, "OREGANO", 2), false);
        product("Quatro Queijos", "PIZZA", 5900, pizza("MUCARELA", 100, "PROVOLONE", 60, "PARMESAO", 40,
                "GORGONZOLA", 50), false);
        product("Portuguesa", "PIZZA", 5400, pizza("MUCARELA", 150, "PRESUNTO", 80, "OVO", 2, "CEBOLA", 30,
                "ERVILHA", 30, "AZEITONA", 10), false);
        product("Frango com Catupiry", "PIZZA", 5600, pizza("MUCARELA", 100, "FRANGO", 120, "CATUPIRY", 80), false);
        product("Napolitana", "PIZZA", 5000, pizza("MUCARELA", 150, "TOMATE", 80, "PARMESAO", 30, "ALHO", 5), false);
        product("Pepperoni", "PIZZA", 5800, pizza("MUCARELA", 150, "PEPPERONI", 80), false);
        product("Vegetariana", "PIZZA", 5100, pizza("MUCARELA", 120, "PIMENTAO", 40, "CHAMPIGNON", 40, "MILHO", 30,
                "CEBOLA", 30), false);
        product("Atum", "PIZZA", 5300, pizza("MUCARELA", 120, "ATUM", 100, "CEBOLA", 30), false);
        product("Baiana", "PIZZA", 5200, pizza("MUCARELA", 120, "CALABRESA", 100, "PIMENTA-CALABRESA", 3, "OVO", 1),
                false);
        product("Romeu e Julieta", "PIZZA", 5500, of("MASSA-PIZZA", 1, "MUCARELA", 150, "GOIABADA", 100), false);
        product("Pizza de Chocolate", "DESSERT", 4200, of("MASSA-PIZZA", 1, "CHOCOLATE", 150, "GRANULADO", 20), false);
        product("Pizza de Chocolate com Morango", "DESSERT", 4700, of("MASSA-PIZZA", 1, "CHOCOLATE", 120, "MORANGO",
                80), false);
        product("Brigadeiro", "DESSERT", 900, of("LEITE-CONDENSADO", 60, "CHOCOLATE", 20, "GRANULADO", 10,
                "MANTEIGA", 5), false);
        product("Petit Gâteau", "DESSERT", 2400, of("CHOCOLATE", 60, "MANTEIGA", 20, "ACUCAR", 20, "FARINHA", 15,
                "OVO", 1, "SORVETE-CREME", 60), true);
        product("Guaraná Antarctica lata", "DRINK", 700, of("GUARANA-LATA", 1), false);
        product("Coca-Cola lata", "DRINK", 750, of("COCA-LATA", 1), false);
        product("Coca-Cola Zero lata", "DRINK", 750, of("COCA-ZERO-LATA", 1), false);
        product("Suco de Laranja", "DRINK", 1100, of("SUCO-LARANJA", 300), false);
        product("Água Mineral sem gás", "DRINK", 500, of("AGUA-SEM-GAS", 1), false);
        product("Água Mineral com gás", "DRINK", 550, of("AGUA-COM-GAS", 1), false);
        product("Batata Frita", "SIDE", 2200, of("BATATA", 250), false);
        product("Pão de Alho", "SIDE", 1800, of("PAO-FRANCES", 1, "ALHO", 5, "MANTEIGA", 15), false);

        for (String name : List.of("Ana Souza", "Ana Souza", "Bruno Lima", "Carla Dias", "Diego Alves")) {
            UUID id = Shop.customer(name, name.toLowerCase(Locale.ROOT).replace(' ', '.') + "."
                    + UUID.randomUUID().toString().substring(0, 6) + "@example.com");
            customers.add(new Customer(id, name));
        }

        Random random = new Random(18);
        for (LocalDate day = today.minusDays(62); !day.isAfter(today); day = day.plusDays(1)) {
            int count = 3 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                order(random, day, settled(random), i);
            }
        }
        // today and yesterday, orders still on their way through the shop
        for (String status : List.of("PENDING", "AWAITING_PAYMENT", "CONFIRMED", "PREPARING", "PREPARING",
                "OUT_FOR_DELIVERY")) {
            order(random, today, status, 5);
        }
        order(random, today.minusDays(1), "OUT_FOR_DELIVERY", 6);
        order(random, today.minusDays(1), "AWAITING_PAYMENT", 7);

        // stock's ledger: what each day's sales took, for runs_out_first
        Map<LocalDate, Map<String, Long>> taken = new TreeMap<>();
        for (Order order : orders) {
            if (order.sold() && !order.day().isBefore(today.minusDays(40))) {
                for (Line line : order.lines()) {
                    line.product().recipe().forEach((sku, per) -> taken.computeIfAbsent(order.day(),
                            d -> new TreeMap<>()).merge(sku, per * line.quantity(), Long::sum));
                }
            }
        }
        taken.forEach((day, bySku) -> bySku.forEach((sku, quantity) -> {
            Shop.sale(sku, quantity, at(day, 23, 0));
            sales.add(new Sale(sku, quantity, day));
        }));
    }

    private void product(String name, String category, long price, Map<String, Long> recipe, boolean soldOut) {
        UUID id = Shop.product(name, category, name, recipe);
        Shop.update("update stock.product set price_cents = ? where id = ?", price, id);
        if (soldOut) {
            Shop.soldOutByHand(id, true);
        }
        products.add(new Product(id, name, category, price, recipe, soldOut));
    }

    private static String settled(Random random) {
        int n = random.nextInt(100);
        return n < 72 ? "DELIVERED" : n < 80 ? "REJECTED" : n < 88 ? "CANCELLED:PAYMENT_DECLINED"
                : n < 95 ? "CANCELLED:CANCELLED_BY_CUSTOMER" : "CANCELLED:EXPIRED";
    }

    private void order(Random random, LocalDate day, String what, int slot) {
        String status = what.contains(":") ? what.substring(0, what.indexOf(':')) : what;
        String reason = what.contains(":") ? what.substring(what.indexOf(':') + 1) : null;
        Customer customer = customers.get(random.nextInt(customers.size()));
        Instant at = at(day, 11 + random.nextInt(11), random.nextInt(58));
        List<Line> lines = new ArrayList<>();
        int kinds = 1 + random.nextInt(3);
        for (int k = 0; k < kinds; k++) {
            Product product = products.get(random.nextInt(products.size()));
            if (lines.stream().noneMatch(l -> l.product().equals(product))) {
                lines.add(new Line(product, 1 + random.nextInt(3)));
            }
        }
        List<String> shortages = new ArrayList<>();
        String shortagesJson = null;
        if ("REJECTED".equals(status)) {
            reason = "OUT_OF_STOCK";
            List<String> skus = new ArrayList<>(lines.get(0).product().recipe().keySet());
            shortages.add(skus.get(random.nextInt(skus.size())));
            if (skus.size() > 1 && random.nextBoolean()) {
                String second = skus.get(random.nextInt(skus.size()));
                if (!shortages.contains(second)) {
                    shortages.add(second);
                }
            }
            shortagesJson = shortages.stream().map(sku -> "{\"available\":1,\"needed\":100,\"sku\":\"" + sku + "\"}")
                    .collect(Collectors.joining(",", "[", "]"));
        }
        Shop.Line[] rows = lines.stream().map(l -> Shop.line(l.product().id(), l.quantity(), l.product().price()))
                .toArray(Shop.Line[]::new);
        UUID id = Shop.order(customer.id(), status, reason, at, shortagesJson, rows);
        String payment = null;
        String paymentReason = null;
        long total = lines.stream().mapToLong(Line::cents).sum();
        if (Shop.SOLD.contains(status)) {
            payment = "DELIVERED".equals(status) ? "CAPTURED" : "AUTHORIZED";
        } else if ("PAYMENT_DECLINED".equals(reason)) {
            payment = "DECLINED";
            paymentReason = random.nextBoolean() ? "insufficient_funds" : "card_expired";
        }
        if (payment != null) {
            Shop.payment(id, customer.id(), payment, paymentReason, total, at.plusSeconds(60));
        }
        orders.add(new Order(customer.id(), status, reason, at, List.copyOf(lines), List.copyOf(shortages), payment,
                paymentReason));
    }

    // --- the expected figures --------------------------------------------------------------------------------------

    /** A question's scope: the filters it asks for, as the evaluation's file writes them. */
    record Scope(String category, String product, String ingredient, String status, String customer) {

        static Scope of(Map<String, String> filters) {
            return new Scope(filters.get("category"), filters.get("product"), filters.get("ingredient"),
                    filters.get("status"), filters.get("customer"));
        }

        boolean narrowsLines() {
            return category != null || product != null || ingredient != null;
        }
    }

    private boolean inWindow(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private Predicate<Line> lineMatches(Scope s) {
        return line -> (s.category() == null || s.category().equals(line.product().category()))
                && (s.product() == null || s.product().equals(line.product().name()))
                && (s.ingredient() == null || line.product().recipe().containsKey(s.ingredient()));
    }

    private Predicate<Order> customerMatches(Scope s) {
        return order -> s.customer() == null || customers.stream()
                .anyMatch(c -> c.id().equals(order.customer()) && c.name().equals(s.customer()));
    }

    private List<Order> sold(LocalDate from, LocalDate to, Scope s) {
        return orders.stream().filter(Order::sold).filter(o -> inWindow(o.day(), from, to))
                .filter(customerMatches(s)).toList();
    }

    /** The figures of {@code tool} for a period and filters, in the form {@link #figures(String, jakarta.json.JsonObject)} reads. */
    String expected(String tool, LocalDate from, LocalDate to, Map<String, String> filters, int limit) {
        Scope s = Scope.of(filters);
        switch (tool) {
            case "revenue", "average_ticket" -> {
                long count = 0;
                long cents = 0;
                for (Order o : sold(from, to, s)) {
                    List<Line> lines = o.lines().stream().filter(lineMatches(s)).toList();
                    if (!lines.isEmpty()) {
                        count++;
                        cents += lines.stream().mapToLong(Line::cents).sum();
                    }
                }
                return tool.equals("revenue") ? "orders=" + count + " cents=" + cents
                        : "orders=" + count + " average=" + (count == 0 ? 0 : Math.round((double) cents / count));
            }
            case "top_products" -> {
                Map<Product, long[]> sums = new LinkedHashMap<>();
                for (Order o : sold(from, to, s)) {
                    o.lines().stream().filter(lineMatches(s)).forEach(l -> {
                        long[] sum = sums.computeIfAbsent(l.product(), p -> new long[2]);
                        sum[0] += l.quantity();
                        sum[1] += l.cents();
                    });
                }
                return sums.entrySet().stream()
                        .sorted(Comparator.<Map.Entry<Product, long[]>>comparingLong(e -> -e.getValue()[0])
                                .thenComparingLong(e -> -e.getValue()[1])
                                .thenComparing(e -> e.getKey().id().toString()))
                        .limit(limit)
                        .map(e -> e.getKey().name() + ":" + e.getValue()[0] + ":" + e.getValue()[1])
                        .collect(Collectors.joining(", ", "[", "]"));
            }
            case "orders_by_status" -> {
                Map<String, Long> counts = new TreeMap<>(Comparator.comparingInt(STATUS_ORDER::indexOf));
                orders.stream().filter(o -> inWindow(o.day(), from, to)).filter(customerMatches(s))
                        .filter(o -> s.status() == null || s.status().equals(o.status()))
                        .filter(o -> !s.narrowsLines() || o.lines().stream().anyMatch(lineMatches(s)))
                        .forEach(o -> counts.merge(o.status(), 1L, Long::sum));
                return "total=" + counts.values().stream().mapToLong(Long::longValue).sum() + " " + list(counts);
            }
            case "best_customers" -> {
                Map<UUID, Long> counts = new LinkedHashMap<>();
                sold(from, to, Scope.of(Map.of())).forEach(o -> counts.merge(o.customer(), 1L, Long::sum));
                return counts.entrySet().stream()
                        .sorted(Comparator.<Map.Entry<UUID, Long>>comparingLong(e -> -e.getValue())
                                .thenComparing(e -> name(e.getKey()))
                                .thenComparing(e -> e.getKey().toString()))
                        .limit(limit).map(e -> e.getKey() + ":" + e.getValue())
                        .collect(Collectors.joining(", ", "[", "]"));
            }
            case "busiest_hours" -> {
                Map<Integer, Long> counts = new TreeMap<>();
                orders.stream().filter(o -> inWindow(o.day(), from, to))
                        .forEach(o -> counts.merge(o.at().atZone(Shop.ZONE).getHour(), 1L, Long::sum));
                return counts.entrySet().stream()
                        .sorted(Comparator.<Map.Entry<Integer, Long>>comparingLong(e -> -e.getValue())
                                .thenComparing(Map.Entry::getKey))
                        .limit(limit).map(e -> e.getKey() + ":" + e.getValue())
                        .collect(Collectors.joining(", ", "[", "]"));
            }
            case "cancellations_by_reason" -> {
                Map<String, Long> counts = new TreeMap<>();
                orders.stream().filter(o -> o.reason() != null && !"OUT_OF_STOCK".equals(o.reason()))
                        .filter(o -> inWindow(o.day(), from, to)).forEach(o -> counts.merge(o.reason(), 1L, Long::sum));
                return "cancelled=" + counts.values().stream().mapToLong(Long::longValue).sum() + " " + ranked(counts);
            }
            case "payment_failure_rate" -> {
                List<Order> paid = orders.stream().filter(o -> o.payment() != null)
                        .filter(o -> inWindow(LocalDate.ofInstant(o.at().plusSeconds(60), Shop.ZONE), from, to))
                        .toList();
                long declined = paid.stream().filter(o -> "DECLINED".equals(o.payment())).count();
                Map<String, Long> reasons = new TreeMap<>();
                paid.stream().filter(o -> "DECLINED".equals(o.payment()))
                        .forEach(o -> reasons.merge(o.paymentReason(), 1L, Long::sum));
                double rate = paid.isEmpty() ? 0 : Math.round(1000.0 * declined / paid.size()) / 10.0;
                return "payments=" + paid.size() + " declined=" + declined + " rate=" + rate + " " + ranked(reasons);
            }
            case "stock_rejections" -> {
                String sku = s.ingredient();
                List<Order> rejected = orders.stream().filter(o -> "OUT_OF_STOCK".equals(o.reason()))
                        .filter(o -> inWindow(o.day(), from, to)).toList();
                long count = rejected.stream().filter(o -> sku == null || o.shortages().contains(sku)).count();
                Map<String, Long> shortIngredients = new TreeMap<>();
                rejected.forEach(o -> o.shortages().stream().filter(x -> sku == null || x.equals(sku))
                        .forEach(x -> shortIngredients.merge(x, 1L, Long::sum)));
                return "rejected=" + count + " " + ranked(shortIngredients).stream().limit(limit).toList();
            }
            case "low_stock_ingredients" -> {
                if (s.ingredient() != null) {
                    Ingredient i = ingredients.get(s.ingredient());
                    return i.sku() + ":" + i.onHand() + ":" + i.threshold() + ":" + i.low();
                }
                List<Ingredient> low = ingredients.values().stream().filter(Ingredient::low).toList();
                return "count=" + low.size() + " " + low.stream()
                        .sorted(Comparator.<Ingredient>comparingDouble(i -> (double) i.onHand() / Math.max(i.threshold(), 1))
                                .thenComparing(Ingredient::sku))
                        .limit(limit).map(i -> i.sku() + ":" + i.onHand() + ":" + i.threshold()).toList();
            }
            case "runs_out_first" -> {
                long days = to.toEpochDay() - from.toEpochDay() + 1;
                Map<String, Long> used = new TreeMap<>();
                sales.stream().filter(x -> inWindow(x.day(), from, to))
                        .filter(x -> s.ingredient() == null || x.sku().equals(s.ingredient()))
                        .forEach(x -> used.merge(x.sku(), x.quantity(), Long::sum));
                record Outlook(String sku, long used, double daily, double left, String on) {
                }
                return used.entrySet().stream().map(e -> {
                    double daily = (double) e.getValue() / days;
                    double left = ingredients.get(e.getKey()).onHand() / daily;
                    return new Outlook(e.getKey(), e.getValue(), Math.round(daily * 10) / 10.0,
                            Math.round(left * 10) / 10.0,
                            today.plusDays(Math.min((long) Math.floor(left), 3650)).toString());
                }).sorted(Comparator.comparingDouble(Outlook::left).thenComparing(Outlook::sku)).limit(limit)
                        .map(o -> o.sku() + ":" + o.used() + ":" + o.daily() + ":" + o.left() + ":" + o.on())
                        .toList().toString();
            }
            case "sold_out_products" -> {
                List<Product> out = products.stream()
                        .filter(p -> p.soldOutByHand() || p.recipe().entrySet().stream()
                                .anyMatch(r -> ingredients.get(r.getKey()).onHand() < r.getValue()))
                        .filter(p -> s.category() == null || s.category().equals(p.category()))
                        .filter(p -> s.product() == null || s.product().equals(p.name()))
                        .sorted(Comparator.<Product>comparingInt(p -> CATEGORY_ORDER.indexOf(p.category()))
                                .thenComparing(Product::name))
                        .toList();
                return "count=" + out.size() + " " + out.stream().limit(limit)
                        .map(p -> p.name() + ":" + p.category() + ":" + (p.soldOutByHand() ? "MANUAL" : "INGREDIENTS"))
                        .toList();
            }
            default -> throw new IllegalArgumentException("no figures for " + tool);
        }
    }

    private String name(UUID customer) {
        return customers.stream().filter(c -> c.id().equals(customer)).map(Customer::name).findFirst().orElse("");
    }

    private static String list(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** Most first, then by name. */
    private static List<String> ranked(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(e -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> e.getKey() + ":" + e.getValue()).toList();
    }
}
