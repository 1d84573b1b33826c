package com.forno.pizzeria.ai.chat.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the chatbot can answer: one read-only tool each (the tool's name is {@link #tool()}, the constant's name in
 * lower case, as its {@code @Tool} in {@code ShopTools} is named), with the period it assumes when the question
 * names none. {@link #DECLINED} is the honest "I don't know". How the chatbot describes each tool to the staff is
 * in chat/replies_*.properties ({@code tool.NAME}).
 */
public enum Intent {

    TOP_PRODUCTS, STOCK_REJECTIONS, ORDERS_BY_STATUS, REVENUE, AVERAGE_TICKET, PAYMENT_FAILURE_RATE,
    CANCELLATIONS_BY_REASON, LOW_STOCK_INGREDIENTS, RUNS_OUT_FIRST, SOLD_OUT_PRODUCTS, BUSIEST_HOURS, BEST_CUSTOMERS,
    DECLINED;

    /** The period a tool assumes when the question names none; NONE: the tool reads the present state. */
    public enum Period {
        NONE, TODAY, LAST_7_DAYS, LAST_30_DAYS
    }

    /** The tool's name, as a language model calls it and the reply's {@code intent} says it: "top_products". */
    public String tool() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Period defaultPeriod() {
        return switch (this) {
            case ORDERS_BY_STATUS -> Period.TODAY;
            case RUNS_OUT_FIRST -> Period.LAST_7_DAYS;
            case LOW_STOCK_INGREDIENTS, SOLD_OUT_PRODUCTS, DECLINED -> Period.NONE;
            default -> Period.LAST_30_DAYS;
        };
    }

    public boolean windowed() {
        return defaultPeriod() != Period.NONE;
    }

    public static Optional<Intent> ofTool(String tool) {
        return Arrays.stream(values()).filter(intent -> intent.tool().equals(tool)).findFirst();
    }

    /** Every intent but {@link #DECLINED}: what the chatbot can answer. */
    public static Intent[] answerable() {
        return Arrays.stream(values()).filter(intent -> intent != DECLINED).toArray(Intent[]::new);
    }
}
