package com.forno.pizzeria.ai.chat.control;

import com.forno.pizzeria.ai.chat.entity.ToolResults;
import com.forno.pizzeria.ai.chat.entity.ToolResults.AverageTicket;
import com.forno.pizzeria.ai.chat.entity.ToolResults.BestCustomers;
import com.forno.pizzeria.ai.chat.entity.ToolResults.BusiestHours;
import com.forno.pizzeria.ai.chat.entity.ToolResults.Cancellations;
import com.forno.pizzeria.ai.chat.entity.ToolResults.Depletion;
import com.forno.pizzeria.ai.chat.entity.ToolResults.LowStock;
import com.forno.pizzeria.ai.chat.entity.ToolResults.OrdersByStatus;
import com.forno.pizzeria.ai.chat.entity.ToolResults.PaymentFailures;
import com.forno.pizzeria.ai.chat.entity.ToolResults.Revenue;
import com.forno.pizzeria.ai.chat.entity.ToolResults.RunsOut;
import com.forno.pizzeria.ai.chat.entity.ToolResults.SoldOut;
import com.forno.pizzeria.ai.chat.entity.ToolResults.StatusCount;
import com.forno.pizzeria.ai.chat.entity.ToolResults.StockRejections;
import com.forno.pizzeria.ai.chat.entity.ToolResults.TopProducts;
import com.forno.pizzeria.ai.chat.entity.Catalog;
import com.forno.pizzeria.ai.chat.entity.Filters;
import com.forno.pizzeria.ai.chat.entity.Intent;
import com.forno.pizzeria.ai.chat.entity.InvalidInput;
import com.forno.pizzeria.ai.chat.entity.Route;
import com.forno.pizzeria.ai.chat.entity.Window;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The chatbot's tools: twelve read-only questions with validated parameters and filters (a category, a product,
 * an ingredient, a status, a customer, as each tool allows), called directly by the offline
 * router and, with a language model configured, by LangChain4j's AiServices (the {@code @Tool} descriptions are
 * what the model reads). PeriodFinder are dates of the pizzeria's time zone ({@code ai.chat.zone}), both ends
 * included, at most 366 days; limits are 1..50. Nothing here writes, and nothing returns personal data beyond a
 * customer's name.
 */
@ApplicationScoped
public class ShopTools {

    public static final int MAX_LIMIT = 50;
    private static final Set<String> CATEGORIES = Set.of("PIZZA", "DRINK", "DESSERT", "SIDE");
    private static final String FROM = "First day of the period, yyyy-MM-dd, in the pizzeria's time zone";
    private static final String TO = "Last day of the period (included), yyyy-MM-dd; at most 366 days after from";
    private static final String LIMIT = "How many rows, 1 to 50";

    @Inject
    AnalyticsQueries queries;

    @Inject
    @ConfigProperty(name = "ai.chat.zone", defaultValue = "America/Sao_Paulo")
    String zone;

    /**
     * The day the chatbot takes for today (yyyy-MM-dd), instead of the clock's: for an evaluation whose questions
     * ("hoje", "esta semana") were written for one fixed day. Unset in production.
     */
    @Inject
    @ConfigProperty(name = "ai.chat.today")
    Optional<String> fixedToday = Optional.empty();

    Clock clock = Clock.systemUTC();

    // --- the tools -------------------------------------------------------------------------------------------

    private static final String CATEGORY = "Menu category: PIZZA, DRINK, DESSERT or SIDE; empty for all";
    private static final String PRODUCT = "A menu product's exact name (see sold_out_products or top_products for "
            + "names); empty for all";
    private static final String INGREDIENT = "An ingredient's SKU (e.g. MUCARELA): products whose recipe uses it; "
            + "empty for all";
    private static final String CUSTOMER = "A customer's full name as registered, or a customer id; empty for all";

    @Tool(name = "top_products", value = "Best-selling products (by units sold in confirmed orders) in a period, "
            + "optionally only of one menu category, one product, products with one ingredient, or one customer's "
            + "orders")
    public TopProducts topProducts(@P(FROM) String from, @P(TO) String to,
                                   @P(value = CATEGORY, required = false) String category,
                                   @P(value = PRODUCT, required = false) String product,
                                   @P(value = INGREDIENT, required = false) String ingredient,
                                   @P(value = CUSTOMER, required = false) String customer,
                                   @P(LIMIT) int limit) {
        Window window = window(from, to);
        AnalyticsQueries.Scope scope = scope(category, product, ingredient, null, customer);
        return new TopProducts(ToolResults.Period.of(window), scope.category(),
                queries.topProducts(start(window), end(window), scope, limit(limit)));
    }

    public TopProducts topProducts(String from, String to, String category, int limit) {
        return topProducts(from, to, category, null, null, null, limit);
    }

    @Tool(name = "stock_rejections", value = "How many orders were rejected for lack of stock in a period, and which "
            + "ingredients were short (in how many of those orders); optionally only those where one ingredient was "
            + "short")
    public StockRejections stockRejections(@P(FROM) String from, @P(TO) String to,
                                           @P(value = INGREDIENT, required = false) String ingredient,
                                           @P(LIMIT) int limit) {
        Window window = window(from, to);
        int rows = limit(limit);
        String sku = ingredient(ingredient);
        return new StockRejections(ToolResults.Period.of(window),
                queries.stockRejections(start(window), end(window), sku),
                queries.shortIngredients(start(window), end(window), sku, rows));
    }

    @Tool(name = "orders_by_status", value = "Orders placed in a period, counted by their current status "
            + "(PENDING, AWAITING_PAYMENT, CONFIRMED, PREPARING, OUT_FOR_DELIVERY, DELIVERED, REJECTED, CANCELLED); "
            + "optionally only one status, only orders with a product / category / ingredient, or one customer's")
    public OrdersByStatus ordersByStatus(@P(FROM) String from, @P(TO) String to,
                                         @P(value = "An order status (see above); empty for all", required = false)
                                         String status,
                                         @P(value = CATEGORY, required = false) String category,
                                         @P(value = PRODUCT, required = false) String product,
                                         @P(value = INGREDIENT, required = false) String ingredient,
                                         @P(value = CUSTOMER, required = false) String customer) {
        Window window = window(from, to);
        List<StatusCount> statuses = queries.ordersByStatus(start(window), end(window),
                scope(category, product, ingredient, status, customer));
        return new OrdersByStatus(ToolResults.Period.of(window), statuses.stream().mapToLong(StatusCount::orders).sum(),
                statuses);
    }

    public OrdersByStatus ordersByStatus(String from, String to) {
        return ordersByStatus(from, to, null, null, null, null, null);
    }

    @Tool(name = "revenue", value = "Revenue (BRL cents) and number of confirmed orders in a period; narrowed to a "
            + "category, a product or products with an ingredient, only those lines' money; optionally one "
            + "customer's orders")
    public Revenue revenue(@P(FROM) String from, @P(TO) String to,
                           @P(value = CATEGORY, required = false) String category,
                           @P(value = PRODUCT, required = false) String product,
                           @P(value = INGREDIENT, required = false) String ingredient,
                           @P(value = CUSTOMER, required = false) String customer) {
        Window window = window(from, to);
        AnalyticsQueries.Totals sales = queries.sales(start(window), end(window),
                scope(category, product, ingredient, null, customer));
        return new Revenue(ToolResults.Period.of(window), sales.orders(), sales.cents(), "BRL");
    }

    public Revenue revenue(String from, String to) {
        return revenue(from, to, null, null, null, null);
    }

    @Tool(name = "average_ticket", value = "Average ticket: mean value of a confirmed order (BRL cents) in a period; "
            + "optionally of one customer")
    public AverageTicket averageTicket(@P(FROM) String from, @P(TO) String to,
                                       @P(value = CUSTOMER, required = false) String customer) {
        Window window = window(from, to);
        AnalyticsQueries.Totals sales = queries.sales(start(window), end(window),
                scope(null, null, null, null, customer));
        long average = sales.orders() == 0 ? 0 : Math.round((double) sales.cents() / sales.orders());
        return new AverageTicket(ToolResults.Period.of(window), sales.orders(), average, "BRL");
    }

    public AverageTicket averageTicket(String from, String to) {
        return averageTicket(from, to, null);
    }

    @Tool(name = "payment_failure_rate", value = "Payments attempted in a period, how many were declined, the "
            + "failure rate in percent, and the decline reasons")
    public PaymentFailures paymentFailureRate(@P(FROM) String from, @P(TO) String to) {
        Window window = window(from, to);
        AnalyticsQueries.Totals payments = queries.payments(start(window), end(window));
        double rate = payments.orders() == 0 ? 0 : Math.round(1000.0 * payments.cents() / payments.orders()) / 10.0;
        return new PaymentFailures(ToolResults.Period.of(window), payments.orders(), payments.cents(), rate,
                payments.cents() == 0 ? List.of() : queries.declineReasons(start(window), end(window)));
    }

    @Tool(name = "cancellations_by_reason", value = "Orders cancelled in a period, by reason (PAYMENT_DECLINED, "
            + "CANCELLED_BY_CUSTOMER, CANCELLED_BY_ADMIN, EXPIRED)")
    public Cancellations cancellationsByReason(@P(FROM) String from, @P(TO) String to) {
        Window window = window(from, to);
        List<ToolResults.ReasonCount> reasons = queries.cancellations(start(window), end(window));
        return new Cancellations(ToolResults.Period.of(window),
                reasons.stream().mapToLong(ToolResults.ReasonCount::count).sum(), reasons);
    }

    @Tool(name = "low_stock_ingredients", value = "Ingredients whose available stock is at or below their low-stock "
            + "threshold now, the most critical first; with an ingredient, that ingredient's level, low or not")
    public Object lowStockIngredients(@P(value = INGREDIENT, required = false) String ingredient,
                                      @P(LIMIT) int limit) {
        int rows = limit(limit);
        String sku = ingredient(ingredient);
        if (sku != null) {
            ToolResults.IngredientStock stock = queries.ingredientStock(sku);
            if (stock == null) {
                throw new InvalidInput("ingredient", "no ingredient with SKU " + sku,
                        "não há ingrediente com o código " + sku);
            }
            return stock;
        }
        return new LowStock(queries.lowStockCount(), queries.lowStock(rows));
    }

    public LowStock lowStockIngredients(int limit) {
        return (LowStock) lowStockIngredients(null, limit);
    }

    @Tool(name = "runs_out_first", value = "Which ingredients run out first at the sales pace of a period (by "
            + "default the last 7 days), with what was used, the daily use, the days left and the estimated date; "
            + "optionally of one ingredient")
    public RunsOut runsOutFirst(@P("First day of the period whose sales set the pace, yyyy-MM-dd") String from,
                                @P("Last day of that period (included), yyyy-MM-dd") String to,
                                @P(value = INGREDIENT, required = false) String ingredient,
                                @P(LIMIT) int limit) {
        Window window = window(from, to);
        int rows = limit(limit);
        String sku = ingredient(ingredient);
        LocalDate today = today();
        List<Depletion> outlook = queries.usage(start(window), end(window), sku).stream()
                .map(usage -> {
                    double daily = (double) usage.used() / window.days();
                    double left = usage.available() / daily;
                    long whole = (long) Math.floor(left);
                    return new Depletion(usage.sku(), usage.name(), usage.unit(), usage.available(), usage.used(),
                            Math.round(daily * 10) / 10.0, Math.round(left * 10) / 10.0,
                            today.plusDays(Math.min(whole, 3650)).toString());
                })
                .sorted(Comparator.comparingDouble(Depletion::daysLeft).thenComparing(Depletion::sku))
                .limit(rows)
                .toList();
        return new RunsOut(ToolResults.Period.of(window), outlook, sku != null);
    }

    public RunsOut runsOutFirst(String from, String to, int limit) {
        return runsOutFirst(from, to, null, limit);
    }

    @Tool(name = "sold_out_products", value = "Active menu products that cannot be sold now (marked sold out by "
            + "hand, or not one unit can be made from the ingredients); optionally of one category or product")
    public SoldOut soldOutProducts(@P(value = CATEGORY, required = false) String category,
                                   @P(value = PRODUCT, required = false) String product,
                                   @P(LIMIT) int limit) {
        int rows = limit(limit);
        AnalyticsQueries.Scope scope = scope(category, product, null, null, null);
        return new SoldOut(queries.soldOutCount(scope), queries.soldOut(scope, rows));
    }

    public SoldOut soldOutProducts(int limit) {
        return soldOutProducts(null, null, limit);
    }

    @Tool(name = "busiest_hours", value = "Hours of the day (pizzeria's time zone) with the most orders placed in a "
            + "period, busiest first")
    public BusiestHours busiestHours(@P(FROM) String from, @P(TO) String to, @P(LIMIT) int limit) {
        Window window = window(from, to);
        return new BusiestHours(ToolResults.Period.of(window), zone,
                queries.busiestHours(start(window), end(window), zone, limit(limit)));
    }

    @Tool(name = "best_customers", value = "Customers with the most confirmed orders in a period: id, name and "
            + "number of orders only")
    public BestCustomers bestCustomers(@P(FROM) String from, @P(TO) String to, @P(LIMIT) int limit) {
        Window window = window(from, to);
        return new BestCustomers(ToolResults.Period.of(window),
                queries.bestCustomers(start(window), end(window), limit(limit)));
    }

    // --- the router's way in ---------------------------------------------------------------------------------

    /**
     * Runs the tool a route names, with the route's period and filters (a missing limit: 5); with a period to
     * compare with, the same tool over both.
     */
    public Object run(Route route) {
        Object current = run(route, route.window());
        Window compare = route.filters().compare();
        return compare == null || !route.intent().windowed() ? current
                : new ToolResults.Comparison(current, run(route, compare));
    }

    private Object run(Route route, Window w) {
        String from = w == null ? null : w.from().toString();
        String to = w == null ? null : w.to().toString();
        int limit = route.limit() == null ? 5 : route.limit();
        Filters f = route.filters();
        return switch (route.intent()) {
            case TOP_PRODUCTS -> topProducts(from, to, f.category(), f.product(), f.ingredient(), f.customer(), limit);
            case STOCK_REJECTIONS -> stockRejections(from, to, f.ingredient(), limit);
            case ORDERS_BY_STATUS -> ordersByStatus(from, to, f.status(), f.category(), f.product(), f.ingredient(),
                    f.customer());
            case REVENUE -> revenue(from, to, f.category(), f.product(), f.ingredient(), f.customer());
            case AVERAGE_TICKET -> averageTicket(from, to, f.customer());
            case PAYMENT_FAILURE_RATE -> paymentFailureRate(from, to);
            case CANCELLATIONS_BY_REASON -> cancellationsByReason(from, to);
            case LOW_STOCK_INGREDIENTS -> lowStockIngredients(f.ingredient(), limit);
            case RUNS_OUT_FIRST -> runsOutFirst(from, to, f.ingredient(), limit);
            case SOLD_OUT_PRODUCTS -> soldOutProducts(f.category(), f.product(), limit);
            case BUSIEST_HOURS -> busiestHours(from, to, limit);
            case BEST_CUSTOMERS -> bestCustomers(from, to, limit);
            case DECLINED -> throw new IllegalArgumentException("a declined question has no tool");
        };
    }

    /** What a question may name: read on every question, so that a product added a minute ago is known. */
    public Catalog catalog() {
        return queries.catalog();
    }

    // --- filters: names to ids -------------------------------------------------------------------------------

    private static final Set<String> STATUSES = Set.of("PENDING", "AWAITING_PAYMENT", "CONFIRMED", "PREPARING",
            "OUT_FOR_DELIVERY", "DELIVERED", "REJECTED", "CANCELLED");

    AnalyticsQueries.Scope scope(String category, String product, String ingredient, String status, String customer) {
        String only = category(category);
        String sku = ingredient(ingredient);
        String state = blank(status) ? null : status.strip().toUpperCase(Locale.ROOT);
        if (state != null && !STATUSES.contains(state)) {
            throw new InvalidInput("status", "must be one of " + STATUSES, "status desconhecido: " + state);
        }
        List<UUID> products = List.of();
        List<UUID> customers = List.of();
        if (!blank(product) || !blank(customer)) {
            Catalog catalog = queries.catalog();
            if (!blank(product)) {
                products = catalog.productsNamed(product.strip()).stream().map(Catalog.Product::id).toList();
                if (products.isEmpty()) {
                    throw new InvalidInput("product", "no menu product is named " + product.strip(),
                            "nenhum produto do cardápio se chama " + product.strip());
                }
            }
            if (!blank(customer)) {
                customers = customers(catalog, customer.strip());
            }
        }
        return new AnalyticsQueries.Scope(only, products, sku, state, customers);
    }

    private static List<UUID> customers(Catalog catalog, String customer) {
        try {
            UUID id = UUID.fromString(customer);
            return List.of(id);
        } catch (IllegalArgumentException notAnId) {
            List<UUID> ids = catalog.customersNamed(customer).stream().map(Catalog.Customer::id).toList();
            if (ids.isEmpty()) {
                throw new InvalidInput("customer", "no customer is named " + customer,
                        "nenhum cliente se chama " + customer);
            }
            return ids;
        }
    }

    static String ingredient(String ingredient) {
        if (blank(ingredient)) {
            return null;
        }
        String sku = ingredient.strip().toUpperCase(Locale.ROOT);
        if (!sku.matches("[A-Z0-9][A-Z0-9_-]{0,63}")) {
            throw new InvalidInput("ingredient", "not an ingredient SKU: " + ingredient.strip(),
                    "não é um código de ingrediente");
        }
        return sku;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    // --- validation ------------------------------------------------------------------------------------------

    static Window window(String from, String to) {
        return Window.of(date("from", from), date("to", to));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "a date is needed (yyyy-MM-dd)", "falta a data (aaaa-mm-dd)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "not a date (use yyyy-MM-dd): " + value.strip(),
                    "não é uma data (use aaaa-mm-dd)");
        }
    }

    static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT,
                    "o limite deve estar entre 1 e " + MAX_LIMIT);
        }
        return limit;
    }

    static String category(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        String upper = category.strip().toUpperCase(Locale.ROOT);
        if (!CATEGORIES.contains(upper)) {
            throw new InvalidInput("category", "must be PIZZA, DRINK, DESSERT or SIDE",
                    "a categoria deve ser PIZZA, DRINK, DESSERT ou SIDE");
        }
        return upper;
    }

    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    public LocalDate today() {
        return fixedToday.filter(day -> !day.isBlank()).map(day -> LocalDate.parse(day.strip()))
                .orElseGet(() -> LocalDate.now(clock.withZone(zone())));
    }

    private java.time.ZonedDateTime start(Window window) {
        return window.start(zone());
    }

    private java.time.ZonedDateTime end(Window window) {
        return window.end(zone());
    }

    /** Is {@code name} one of these tools (and not a name a language model made up)? */
    public static boolean isTool(String name) {
        return Intent.ofTool(name).filter(intent -> intent != Intent.DECLINED).isPresent();
    }
}
