package com.forno.pizzeria.ai.chat.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the chatbot can answer: one read-only tool each (the tool's name is {@link #tool()}), with the period it
 * assumes when the question names none. {@link #DECLINED} is the honest "I don't know".
 */
public enum Intent {

    TOP_PRODUCTS("top_products", Period.LAST_30_DAYS,
            "produtos mais vendidos num período", "best-selling products in a period"),
    STOCK_REJECTIONS("stock_rejections", Period.LAST_30_DAYS,
            "pedidos rejeitados por falta de estoque e quais ingredientes faltaram",
            "orders rejected for lack of stock, and which ingredients were short"),
    ORDERS_BY_STATUS("orders_by_status", Period.TODAY,
            "pedidos por status", "orders by status"),
    REVENUE("revenue", Period.LAST_30_DAYS, "faturamento", "revenue"),
    AVERAGE_TICKET("average_ticket", Period.LAST_30_DAYS, "ticket médio", "average ticket (order value)"),
    PAYMENT_FAILURE_RATE("payment_failure_rate", Period.LAST_30_DAYS,
            "taxa de falha de pagamentos", "payment failure rate"),
    CANCELLATIONS_BY_REASON("cancellations_by_reason", Period.LAST_30_DAYS,
            "cancelamentos por motivo", "cancellations by reason"),
    LOW_STOCK_INGREDIENTS("low_stock_ingredients", Period.NONE,
            "ingredientes com estoque baixo", "low-stock ingredients"),
    RUNS_OUT_FIRST("runs_out_first", Period.LAST_7_DAYS,
            "qual ingrediente acaba primeiro no ritmo de vendas atual, e quando",
            "which ingredient runs out first at the current sales rate, and roughly when"),
    SOLD_OUT_PRODUCTS("sold_out_products", Period.NONE, "produtos esgotados agora", "products sold out now"),
    BUSIEST_HOURS("busiest_hours", Period.LAST_30_DAYS, "horários de pico", "busiest hours"),
    BEST_CUSTOMERS("best_customers", Period.LAST_30_DAYS,
            "melhores clientes por número de pedidos (nome e quantidade)",
            "best customers by number of orders (name and count)"),
    DECLINED("declined", Period.NONE, "", "");

    /** The period a tool assumes when the question names none; NONE: the tool reads the present state. */
    public enum Period {
        NONE, TODAY, LAST_7_DAYS, LAST_30_DAYS
    }

    private final String tool;
    private final Period defaultPeriod;
    private final String portuguese;
    private final String english;

    Intent(String tool, Period defaultPeriod, String portuguese, String english) {
        this.tool = tool;
        this.defaultPeriod = defaultPeriod;
        this.portuguese = portuguese;
        this.english = english;
    }

    public String tool() {
        return tool;
    }

    public Period defaultPeriod() {
        return defaultPeriod;
    }

    public boolean windowed() {
        return defaultPeriod != Period.NONE;
    }

    public String describe(Language language) {
        return language == Language.PT ? portuguese : english;
    }

    public static Optional<Intent> ofTool(String tool) {
        return Arrays.stream(values()).filter(intent -> intent.tool.equals(tool)).findFirst();
    }

    /** Every intent but {@link #DECLINED}: what the chatbot can answer. */
    public static Intent[] answerable() {
        return Arrays.stream(values()).filter(intent -> intent != DECLINED).toArray(Intent[]::new);
    }
}
