package com.forno.pizzeria.orders.reporting.control;

import com.forno.pizzeria.orders.ordering.entity.OrderStatus;
import com.forno.pizzeria.orders.ordering.entity.Reason;
import com.forno.pizzeria.platform.paging.Page;
import com.forno.pizzeria.platform.persistence.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The reports of API.md "Reports" and the staff's order lists, read from the read model only (never the saga's
 * tables). Every answer says how fresh it is ({@code asOf}: the newest event applied); every day or bucket of a range
 * is there, with zeros.
 */
@ApplicationScoped
public class Reports {

    /** The statuses of orders still on their way to the customer. */
    public static final List<String> IN_PROGRESS = List.of(OrderStatus.PENDING.name(),
            OrderStatus.AWAITING_PAYMENT.name(), OrderStatus.CONFIRMED.name(), OrderStatus.PREPARING.name(),
            OrderStatus.OUT_FOR_DELIVERY.name());

    /** The statuses written out, so that the planner sees the in-progress partial index's own condition. */
    private static final String IN_PROGRESS_BY_STATUS = "select status, count(*), min(created_at)"
            + " from orders_read.order_summaries where status in ("
            + IN_PROGRESS.stream().map(status -> "'" + status + "'").collect(Collectors.joining(", "))
            + ") group by status";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Projection projection;

    public record Sales(String timeZone, Instant asOf, List<SalesDay> days) {
    }

    public record SalesDay(LocalDate day, long orders, long units, long revenueCents, long averageTicketCents) {
    }

    public record InProgress(Instant asOf, long total, Map<String, Long> byStatus, long oldestWaitingSeconds) {
    }

    public record Payments(String timeZone, Instant asOf, List<PaymentBucket> buckets) {
    }

    public record PaymentBucket(Instant start, long attempts, long approved, long declined, double failureRate,
                                Map<String, Long> byReason) {
    }

    public record Rejections(Instant asOf, Map<String, Long> byReason, List<MissingIngredient> missingIngredients) {
    }

    public record MissingIngredient(String sku, String name, long orders) {
    }

    public record Products(Instant asOf, List<ProductSales> products) {
    }

    public record ProductSales(UUID productId, String name, long units, long revenueCents) {
    }

    public ZoneId zone() {
        return projection.zone();
    }

    public LocalDate today() {
        return LocalDate.now(zone());
    }

    public Sales sales(LocalDate from, LocalDate to) {
        return query(db -> {
            Map<LocalDate, SalesDay> days = new TreeMap<>();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                days.put(day, new SalesDay(day, 0, 0, 0, 0));
            }
            try (PreparedStatement select = db.prepareStatement("""
                    select day, orders, units, revenue_cents from orders_read.sales_by_day
                     where day between ? and ?""")) {
                select.setDate(1, Date.valueOf(from));
                select.setDate(2, Date.valueOf(to));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        LocalDate day = row.getDate(1).toLocalDate();
                        long orders = row.getLong(2);
                        long revenue = row.getLong(4);
                        days.put(day, new SalesDay(day, orders, row.getLong(3), revenue,
                                orders == 0 ? 0 : Math.round((double) revenue / orders)));
                    }
                }
            }
            return new Sales(zone().getId(), asOf(db), List.copyOf(days.values()));
        });
    }

    public InProgress inProgress() {
        return query(db -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            IN_PROGRESS.forEach(status -> byStatus.put(status, 0L));
            Instant oldest = null;
            try (PreparedStatement select = db.prepareStatement(IN_PROGRESS_BY_STATUS)) {
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        byStatus.put(row.getString(1), row.getLong(2));
                        Instant first = ReadModel.instant(row.getTimestamp(3));
                        if (first != null && (oldest == null || first.isBefore(oldest))) {
                            oldest = first;
                        }
                    }
                }
            }
            long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
            long waiting = oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toSeconds());
            return new InProgress(asOf(db), total, byStatus, waiting);
        });
    }

    /** Payment answers per local hour or day of the range. */
    public Payments payments(LocalDate from, LocalDate to, boolean hourly) {
        ZoneId zone = zone();
        return query(db -> {
            Map<Instant, long[]> counts = new TreeMap<>();
            Map<Instant, Map<String, Long>> reasons = new TreeMap<>();
            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
            for (Instant start = from.atStartOfDay(zone).toInstant(); start.isBefore(end);
                 start = hourly ? start.plus(1, ChronoUnit.HOURS) : next(start, zone)) {
                counts.put(start, new long[2]);
                reasons.put(start, new TreeMap<>());
            }
            try (PreparedStatement select = db.prepareStatement("""
                    select hour, outcome, reason, attempts from orders_read.payment_outcomes
                     where hour >= ? and hour < ? and attempts <> 0""")) {
                select.setTimestamp(1, Timestamp.from(from.atStartOfDay(zone).toInstant()));
                select.setTimestamp(2, Timestamp.from(end));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Instant hour = row.getTimestamp(1).toInstant();
                        Instant bucket = hourly ? hour
                                : LocalDate.ofInstant(hour, zone).atStartOfDay(zone).toInstant();
                        long attempts = row.getLong(4);
                        boolean approved = OrderSummary.APPROVED.equals(row.getString(2));
                        counts.computeIfAbsent(bucket, b -> new long[2])[approved ? 0 : 1] += attempts;
                        if (!approved) {
                            reasons.computeIfAbsent(bucket, b -> new TreeMap<>()).merge(row.getString(3), attempts,
                                    Long::sum);
                        }
                    }
                }
            }
            List<PaymentBucket> buckets = new ArrayList<>();
            counts.forEach((start, c) -> {
                long attempts = c[0] + c[1];
                double failureRate = attempts == 0 ? 0 : Math.round(10_000.0 * c[1] / attempts) / 10_000.0;
                buckets.add(new PaymentBucket(start, attempts, c[0], c[1], failureRate, reasons.get(start)));
            });
            return new Payments(zone.getId(), asOf(db), buckets);
        });
    }

    public Rejections rejections(LocalDate from, LocalDate to) {
        return query(db -> {
            Map<String, Long> byReason = new LinkedHashMap<>();
            for (Reason reason : Reason.values()) {
                byReason.put(reason.name(), 0L);
            }
            try (PreparedStatement select = db.prepareStatement("""
                    select reason, sum(orders) from orders_read.rejections_by_day
                     where day between ? and ? group by reason having sum(orders) <> 0""")) {
                dates(select, from, to);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        byReason.put(row.getString(1), row.getLong(2));
                    }
                }
            }
            List<MissingIngredient> missing = new ArrayList<>();
            try (PreparedStatement select = db.prepareStatement("""
                    select sku, max(name), sum(orders) as orders from orders_read.missing_by_day
                     where day between ? and ? group by sku having sum(orders) <> 0 order by orders desc, sku""")) {
                dates(select, from, to);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        missing.add(new MissingIngredient(row.getString(1), row.getString(2), row.getLong(3)));
                    }
                }
            }
            return new Rejections(asOf(db), byReason, missing);
        });
    }

    /** Best sellers first: units, then revenue. */
    public Products products(LocalDate from, LocalDate to, int limit) {
        return query(db -> {
            List<ProductSales> products = new ArrayList<>();
            try (PreparedStatement select = db.prepareStatement("""
                    select product_id, (array_agg(name order by day desc))[1], sum(units) as units,
                           sum(revenue_cents) as revenue
                      from orders_read.product_sales where day between ? and ?
                     group by product_id having sum(units) <> 0
                     order by units desc, revenue desc, product_id limit ?""")) {
                dates(select, from, to);
                select.setInt(3, limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        products.add(new ProductSales(row.getObject(1, UUID.class), row.getString(2), row.getLong(3),
                                row.getLong(4)));
                    }
                }
            }
            return new Products(asOf(db), products);
        });
    }

    /** What the kitchen and admins list: newest first, by status, creation time, local day, channel, id prefix. */
    public record OrderFilter(String status, Instant from, Instant to, LocalDate day, String channel, String idPrefix) {
    }

    public Page<OrderSummary> orders(OrderFilter filter, int limit, int offset) {
        ZoneId zone = zone();
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" from orders_read.order_summaries where true");
        if (filter.status() != null) {
            where.append(" and status = ?");
            parameters.add(filter.status());
        }
        if (filter.from() != null) {
            where.append(" and created_at >= ?");
            parameters.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and created_at < ?");
            parameters.add(Timestamp.from(filter.to()));
        }
        if (filter.day() != null) {
            where.append(" and created_at >= ? and created_at < ?");
            parameters.add(Timestamp.from(filter.day().atStartOfDay(zone).toInstant()));
            parameters.add(Timestamp.from(filter.day().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.channel() != null) {
            where.append(" and channel = ?");
            parameters.add(filter.channel());
        }
        if (filter.idPrefix() != null) {
            where.append(" and order_id::text like ?");
            parameters.add(filter.idPrefix() + "%");
        }
        return query(db -> {
            long total;
            try (PreparedStatement count = db.prepareStatement("select count(*)" + where)) {
                bind(count, parameters);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<OrderSummary> items = new ArrayList<>();
            try (PreparedStatement select = db.prepareStatement("select order_id, *" + where
                    + " order by created_at desc nulls last, order_id limit ? offset ?")) {
                bind(select, parameters);
                select.setInt(parameters.size() + 1, limit);
                select.setInt(parameters.size() + 2, offset);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        items.add(ReadModel.summary(row.getObject("order_id", UUID.class), row));
                    }
                }
            }
            return new Page<>(items, total, limit, offset);
        });
    }

    private static Instant next(Instant dayStart, ZoneId zone) {
        return LocalDate.ofInstant(dayStart, zone).plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static void dates(PreparedStatement statement, LocalDate from, LocalDate to) throws SQLException {
        statement.setDate(1, Date.valueOf(from));
        statement.setDate(2, Date.valueOf(to));
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static Instant asOf(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select max(event_at) from orders_read.order_summaries");
             ResultSet row = select.executeQuery()) {
            row.next();
            return ReadModel.instant(row.getTimestamp(1));
        }
    }

    private interface Work<T> {
        T on(Connection db) throws SQLException;
    }

    /** A report reads on a connection of its own, outside any transaction (it writes nothing). */
    private <T> T query(Work<T> work) {
        try (Connection db = dataSource.getConnection()) {
            return work.on(db);
        } catch (SQLException e) {
            throw new IllegalStateException("the read model could not be read", e);
        }
    }
}
