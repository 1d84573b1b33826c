package com.forno.pizzeria.ai.chat.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the chatbot can answer: one read-only tool each (the tool's name is {@link #tool()}), with the period it
 * assumes when the question names none. {@link #DECLINED} is the honest "I don't know". How the chatbot
 * describes each tool to the staff is in chat/replies_*.properties ({@code tool.NAME}).
 */
public enum Intent {

    TOP_PRODUCTS("top_products", Period.LAST_30_DAYS),
    STOCK_REJECTIONS("stock_rejections", Period.LAST_30_DAYS),
    ORDERS_BY_STATUS("orders_by_status", Period.TODAY),
    REVENUE("revenue", Period.LAST_30_DAYS),
    AVERAGE_TICKET("average_ticket", Period.LAST_30_DAYS),
    PAYMENT_FAILURE_RATE("payment_failure_rate", Period.LAST_30_DAYS),
    CANCELLATIONS_BY_REASON("cancellations_by_reason", Period.LAST_30_DAYS),
    LOW_STOCK_INGREDIENTS("low_stock_ingredients", Period.NONE),
    RUNS_OUT_FIRST("runs_out_first", Period.LAST_7_DAYS),
    SOLD_OUT_PRODUCTS("sold_out_products", Period.NONE),
    BUSIEST_HOURS("busiest_hours", Period.LAST_30_DAYS),
    BEST_CUSTOMERS("best_customers", Period.LAST_30_DAYS),
    DECLINED("declined", Period.NONE);

    /** The period a tool assumes when the question names none; NONE: the tool reads the present state. */
    public enum Period {
        NONE, TODAY, LAST_7_DAYS, LAST_30_DAYS
    }

    private final String tool;
    private final Period defaultPeriod;

    Intent(String tool, Period defaultPeriod) {
        this.tool = tool;
        this.defaultPeriod = defaultPeriod;
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

    public static Optional<Intent> ofTool(String tool) {
        return Arrays.stream(values()).filter(intent -> intent.tool.equals(tool)).findFirst();
    }

    /** Every intent but {@link #DECLINED}: what the chatbot can answer. */
    public static Intent[] answerable() {
        return Arrays.stream(values()).filter(intent -> intent != DECLINED).toArray(Intent[]::new);
    }
}
