package com.forno.pizzeria.ai.chat.entity;

import java.util.List;

/**
 * What the tools answer: the {@code data} of a chat reply and what a language model reads. Dates are ISO strings
 * ({@code yyyy-MM-dd}), money integer cents (BRL). No record carries personal data beyond a customer's name.
 */
public final class ToolResults {

    private ToolResults() {
    }

    /** The period a figure covers, both days included. */
    public record Period(String from, String to, long days) {

        public static Period of(Window window) {
            return new Period(window.from().toString(), window.to().toString(), window.days());
        }
    }

    public record ProductSales(String name, long quantity, long revenueCents) {
    }

    public record TopProducts(Period period, String category, List<ProductSales> products) {
    }

    public record Shortfall(String sku, String ingredient, long orders) {
    }

    public record StockRejections(Period period, long rejectedOrders, List<Shortfall> shortIngredients) {
    }

    public record StatusCount(String status, long orders) {
    }

    public record OrdersByStatus(Period period, long total, List<StatusCount> statuses) {
    }

    public record Revenue(Period period, long orders, long revenueCents, String currency) {
    }

    public record AverageTicket(Period period, long orders, long averageCents, String currency) {
    }

    public record ReasonCount(String reason, long count) {
    }

    public record PaymentFailures(Period period, long payments, long declined, double failureRatePercent,
                                  List<ReasonCount> reasons) {
    }

    public record Cancellations(Period period, long cancelled, List<ReasonCount> reasons) {
    }

    public record IngredientLevel(String sku, String name, String unit, long available, long lowStockThreshold) {
    }

    public record LowStock(long count, List<IngredientLevel> ingredients) {
    }

    /** One ingredient's level now, whether low or not ("quanta muçarela temos?"). */
    public record IngredientStock(String sku, String name, String unit, long available, long lowStockThreshold,
                                  boolean low) {
    }

    /** The same tool over two periods: the one asked about first, then the one it is compared with. */
    public record Comparison(Object current, Object previous) {
    }

    /**
     * An ingredient's outlook at the pace of the period: what can still be promised, what a day of sales takes,
     * how many days that lasts, and the date it runs out.
     */
    public record Depletion(String sku, String name, String unit, long available, long used, double dailyUse,
                            double daysLeft, String runsOutOn) {
    }

    /** @param filtered one ingredient was asked about */
    public record RunsOut(Period basis, List<Depletion> ingredients, boolean filtered) {
    }

    public record SoldOutProduct(String name, String category, String why) {
    }

    public record SoldOut(long count, List<SoldOutProduct> products) {
    }

    public record HourCount(int hour, long orders) {
    }

    public record BusiestHours(Period period, String zone, List<HourCount> hours) {
    }

    /** A customer's id tells apart two customers of the same name. */
    public record CustomerOrders(String customerId, String name, long orders) {
    }

    public record BestCustomers(Period period, List<CustomerOrders> customers) {
    }
}
