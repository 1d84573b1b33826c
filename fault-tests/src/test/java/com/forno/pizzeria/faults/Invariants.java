package com.forno.pizzeria.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The invariants every fault is judged by, read from the stack's own database (as the cluster's superuser: the
 * cluster is the lab's) and from the broker. Everything is scoped to the orders the fault's stream placed and the
 * ingredients of its menu, except the ledger and the stock rows' checks, which hold for every ingredient.
 */
final class Invariants {

    static final String FINAL = "('REJECTED', 'CANCELLED', 'CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY', 'DELIVERED')";
    static final String CONFIRMED_OR_LATER = "('CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY', 'DELIVERED')";
    static final Set<String> FINAL_STATUSES = Set.of("REJECTED", "CANCELLED", "CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY",
            "DELIVERED");

    /** An order of the stream as the database has it. */
    record Row(String id, String customerId, String key, String status, String reason) {
    }

    /** What one fault did, by the counts the table prints, and the evidence behind each count. */
    record Verdict(String fault, int placed, int acknowledged, int fin, int lost, int duplicated, long oversold,
                   int confirmedNotCaptured, int openAuthorisations, long deadLetters, boolean ledgerBalanced,
                   int refused, int stuck, Map<String, Integer> outcomes, List<String> evidence) {

        boolean holds() {
            return lost == 0 && duplicated == 0 && oversold == 0 && confirmedNotCaptured == 0 && openAuthorisations == 0
                    && deadLetters == 0 && ledgerBalanced && refused == 0 && stuck == 0;
        }
    }

    private final Lab lab;
    private final Shop.Menu menu;
    private final List<OrderStream.Placed> placed;
    private final Map<String, Lab.QueueState> queuesBefore;

    Invariants(Lab lab, Shop.Menu menu, List<OrderStream.Placed> placed, Map<String, Lab.QueueState> queuesBefore) {
        this.lab = lab;
        this.menu = menu;
        this.placed = placed;
        this.queuesBefore = queuesBefore;
    }

    // --- progress: what the awaits poll -------------------------------------------------------------------------

    /** Acknowledged orders whose status in the database is not final (or which are not there at all). */
    int acknowledgedNotFinal() throws SQLException {
        Map<String, Row> byId = rowsById();
        return (int) placed.stream().filter(OrderStream.Placed::acknowledged)
                .filter(order -> !final_(byId.get(order.orderId))).count();
    }

    /**
     * What is still unsettled after the decisions: orders of the stream not final (acknowledged or not), confirmed
     * orders not captured, authorisations open on final non-confirmed orders, holds of final orders. 0 when settled.
     */
    int unsettled() throws SQLException {
        try (Connection db = lab.database()) {
            List<String> ids = ids(db);
            long notFinal = rows(db).stream().filter(row -> !final_(row)).count();
            return (int) (notFinal + confirmedNotCaptured(db, ids).size() + openAuthorisations(db, ids).size()
                    + heldForFinalOrders(db, ids));
        }
    }

    // --- the verdict -----------------------------------------------------------------------------------------------

    /**
     * The verdict. {@code stuck}: states that readiness does not show and that leave the next order waiting forever
     * (found in the logs by the caller); a work queue without a consumer is added here.
     */
    Verdict verdict(String fault, List<String> stuck) throws SQLException {
        List<String> evidence = new ArrayList<>();
        List<String> stuckStates = new ArrayList<>(stuck);
        try (Connection db = lab.database()) {
            List<Row> rows = rows(db);
            Map<String, Row> byId = new HashMap<>();
            rows.forEach(row -> byId.put(row.id(), row));
            List<String> ids = new ArrayList<>(byId.keySet());

            // acknowledged, final, lost
            List<OrderStream.Placed> acknowledged = placed.stream().filter(OrderStream.Placed::acknowledged).toList();
            List<OrderStream.Placed> lost = acknowledged.stream().filter(order -> !final_(byId.get(order.orderId))).toList();
            int fin = acknowledged.size() - lost.size();
            for (OrderStream.Placed order : lost.subList(0, Math.min(lost.size(), 25))) {
                Row row = byId.get(order.orderId);
                evidence.add("lost: order " + order.orderId + " (" + order.intent + ", answered " + order.firstStatus
                        + ") is " + (row == null ? "NOT IN THE DATABASE" : row.status()) + "; " + story(db, order.orderId));
            }
            // what became of each kind of order (with the payment's decline reason): an approved card declined is a finding
            Map<String, String> declines = new HashMap<>();
            for (List<String> payment : query(db, """
                    select order_id::text, reason from payments.payments
                     where order_id = any(?::text[]::uuid[]) and status = 'DECLINED'""", ids)) {
                declines.put(payment.get(0), payment.get(1));
            }
            Map<String, Integer> outcomes = new TreeMap<>();
            acknowledged.forEach(order -> {
                Row row = byId.get(order.orderId);
                String outcome = row == null ? "MISSING" : row.status() + (row.reason() == null ? "" : " " + row.reason());
                if (declines.containsKey(order.orderId) && "PAYMENT_DECLINED".equals(row == null ? null : row.reason())) {
                    outcome += " (" + declines.get(order.orderId) + ")";
                }
                outcomes.merge(order.intent + " -> " + outcome, 1, Integer::sum);
            });
            int refused = (int) placed.stream().filter(order -> order.refused != null).count();
            if (refused > 0) {
                Map<String, Integer> answers = new TreeMap<>();
                placed.stream().filter(order -> order.refused != null)
                        .forEach(order -> answers.merge(order.refused.length() > 90 ? order.refused.substring(0, 90) + "..."
                                : order.refused, 1, Integer::sum));
                answers.forEach((answer, count) -> evidence.add("refused: " + count + " valid order(s) answered " + answer));
            }

            // duplicated: per key, per order's payment, per order's capture, per order's reservation or sale
            Set<String> duplicated = new LinkedHashSet<>();
            Map<String, List<Row>> byKey = new HashMap<>();
            rows.forEach(row -> byKey.computeIfAbsent(row.customerId() + "/" + row.key(), k -> new ArrayList<>()).add(row));
            byKey.forEach((key, same) -> {
                if (same.size() > 1) {
                    duplicated.add(key);
                    evidence.add("duplicated: " + same.size() + " orders for customer/key " + key);
                }
            });
            for (OrderStream.Placed order : acknowledged) {
                Row row = byKey.getOrDefault(order.customerId + "/" + order.key, List.of()).stream().findFirst().orElse(null);
                if (order.idsSeen.size() > 1 || (row != null && !row.id().equals(order.orderId))) {
                    duplicated.add(order.customerId + "/" + order.key);
                    evidence.add("duplicated: the client was answered orders " + order.idsSeen + " for key " + order.key
                            + " (database: " + (row == null ? "none" : row.id()) + ")");
                }
            }
            for (List<String> dup : query(db, """
                    select order_id::text, count(*)::text from payments.payments
                     where order_id = any(?::text[]::uuid[]) group by order_id having count(*) > 1""", ids)) {
                duplicated.add(dup.get(0));
                evidence.add("duplicated: " + dup.get(1) + " payments for order " + dup.get(0));
            }
            if (fakeProcessor(db)) {
                for (List<String> dup : query(db, """
                        select reference::text, count(*)::text from payments.fake_processor_holds
                         where reference::text = any(?::text[]) and status in ('CAPTURED', 'REFUNDED')
                         group by reference having count(*) > 1""", ids)) {
                    duplicated.add(dup.get(0));
                    evidence.add("duplicated: " + dup.get(1) + " captures at the processor for order " + dup.get(0));
                }
            }
            // stock may hold an expired reservation again for a late confirmation (RESERVE, EXPIRE, RESERVE): a second
            // RESERVE is a duplicate only when nothing gave the first one back; a second SALE always is
            for (List<String> dup : query(db, """
                    select order_id::text, ingredient_sku,
                           count(*) filter (where type = 'RESERVE')::text,
                           count(*) filter (where type in ('EXPIRE', 'RELEASE'))::text,
                           count(*) filter (where type = 'SALE')::text
                      from stock.movement
                     where order_id = any(?::text[]::uuid[])
                     group by order_id, ingredient_sku
                    having count(*) filter (where type = 'RESERVE') > 1 + count(*) filter (where type in ('EXPIRE', 'RELEASE'))
                        or count(*) filter (where type = 'SALE') > 1""", ids)) {
                duplicated.add(dup.get(0));
                evidence.add("duplicated: order " + dup.get(0) + " has " + dup.get(2) + " RESERVE, " + dup.get(3)
                        + " EXPIRE/RELEASE and " + dup.get(4) + " SALE movements of " + dup.get(1));
            }

            // oversold: confirmed without a committed reservation; more sold than there was; impossible stock rows
            long oversold = 0;
            for (List<String> bad : query(db, """
                    select o.id::text, o.status, coalesce(r.state, 'no reservation'),
                           (select coalesce(sum(l.quantity), 0) from orders.order_lines l where l.order_id = o.id)::text
                      from orders.orders o left join stock.reservation r on r.order_id = o.id
                     where o.id = any(?::text[]::uuid[]) and o.status in """ + CONFIRMED_OR_LATER + """
                       and r.state is distinct from 'COMMITTED'""", ids)) {
                oversold += Long.parseLong(bad.get(3));
                evidence.add("oversold: order " + bad.get(0) + " is " + bad.get(1) + " but its reservation is " + bad.get(2)
                        + " (" + bad.get(3) + " units); " + story(db, bad.get(0)));
            }
            for (List<String> used : query(db, """
                    select rl.ingredient_sku, sum(l.quantity * rl.quantity)::text
                      from orders.orders o
                      join orders.order_lines l on l.order_id = o.id
                      join stock.recipe_line rl on rl.product_id = l.product_id
                     where rl.ingredient_sku = any(?::text[]) and o.status in """ + CONFIRMED_OR_LATER + """
                     group by rl.ingredient_sku""", new ArrayList<>(menu.onHand().keySet()))) {
                long excess = Long.parseLong(used.get(1)) - menu.onHand().get(used.get(0));
                if (excess > 0) {
                    long perPizza = menu.recipes().values().stream().map(recipe -> recipe.get(used.get(0)))
                            .filter(quantity -> quantity != null).mapToLong(Long::longValue).min().orElse(1);
                    oversold += (excess + perPizza - 1) / perPizza;
                    evidence.add("oversold: confirmed orders use " + used.get(1) + " g of " + used.get(0) + ", "
                            + excess + " g more than there was");
                }
            }
            for (List<String> bad : query(db, """
                    select sku, on_hand::text, reserved::text from stock.ingredient
                     where on_hand < 0 or reserved < 0 or reserved > on_hand""")) {
                oversold++;
                evidence.add("oversold: ingredient " + bad.get(0) + " has on_hand " + bad.get(1) + ", reserved " + bad.get(2));
            }

            // payments
            List<String> notCaptured = confirmedNotCaptured(db, ids);
            notCaptured.stream().limit(25).forEach(line -> evidence.add("confirmed but not captured: " + line));
            List<String> open = openAuthorisations(db, ids);
            open.stream().limit(25).forEach(line -> evidence.add("open authorisation: " + line));

            // dead letters this fault left, per dead-letter queue
            long deadLetters = 0;
            Map<String, Lab.QueueState> queues = lab.queues();
            for (Map.Entry<String, Lab.QueueState> queue : queues.entrySet()) {
                if (queue.getKey().endsWith(".dlq")) {
                    long before = queuesBefore.getOrDefault(queue.getKey(), new Lab.QueueState(0, 0)).messages();
                    long left = Math.max(0, queue.getValue().messages() - before);
                    // every one counts: the events buffer drops its oldest for good, into no dead-letter queue
                    if (left > 0) {
                        evidence.add("dead letters: " + left + " new in " + queue.getKey());
                    }
                    deadLetters += left;
                }
            }
            if (queues.isEmpty()) {
                deadLetters = -1;
                evidence.add("dead letters: the broker could not be asked");
            }

            // the ledger, for every ingredient
            List<List<String>> unbalanced = query(db, """
                    select i.sku, i.on_hand::text, i.reserved::text, coalesce(m.on_hand, 0)::text, coalesce(m.reserved, 0)::text
                      from stock.ingredient i
                      left join (select ingredient_sku, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved
                                   from stock.movement group by ingredient_sku) m on m.ingredient_sku = i.sku
                     where i.on_hand <> coalesce(m.on_hand, 0) or i.reserved <> coalesce(m.reserved, 0)""");
            unbalanced.forEach(row -> evidence.add("ledger: " + row.get(0) + " has on_hand " + row.get(1) + ", reserved "
                    + row.get(2) + " but its movements sum to " + row.get(3) + ", " + row.get(4)));

            Lab.WORK_QUEUES.forEach((queue, service) -> {
                Lab.QueueState state = queues.get(queue);
                if (state != null && state.consumers() == 0) {
                    stuckStates.add("queue " + queue + " has no consumer (" + service + " consumes nothing; "
                            + state.messages() + " message(s) waiting)");
                }
            });
            stuckStates.forEach(state -> evidence.add("stuck: " + state));

            evidence.addAll(observations(db, ids, rows, queues));
            return new Verdict(fault, placed.size(), acknowledged.size(), fin, lost.size(), duplicated.size(), oversold,
                    notCaptured.size(), open.size(), deadLetters, unbalanced.isEmpty(), refused, stuckStates.size(), outcomes,
                    evidence);
        }
    }

    /** Not invariants, but what engineers fixing a failure want to see. */
    private List<String> observations(Connection db, List<String> ids, List<Row> rows, Map<String, Lab.QueueState> queues)
            throws SQLException {
        List<String> seen = new ArrayList<>();
        long unacknowledgedNotFinal = rows.stream().filter(row -> !final_(row))
                .filter(row -> placed.stream().noneMatch(order -> row.id().equals(order.orderId))).count();
        if (unacknowledgedNotFinal > 0) {
            seen.add("note: " + unacknowledgedNotFinal + " order(s) the clients never got an answer for are not final either");
        }
        long held = heldForFinalOrders(db, ids);
        if (held > 0) {
            seen.add("note: " + held + " final order(s) still have their stock HELD");
        }
        for (List<String> reserved : query(db, """
                select sku, reserved::text from stock.ingredient where sku = any(?::text[]) and reserved > 0""",
                new ArrayList<>(menu.onHand().keySet()))) {
            seen.add("note: " + reserved.get(1) + " g of " + reserved.get(0) + " still reserved");
        }
        for (String schema : List.of("orders", "stock", "payments")) {
            for (List<String> backlog : query(db, "select count(*)::text, coalesce(min(created_at)::text, '-') from " + schema
                    + ".outbox where sent_at is null")) {
                if (!backlog.get(0).equals("0")) {
                    seen.add("note: " + schema + ".outbox has " + backlog.get(0) + " unsent message(s), the oldest from "
                            + backlog.get(1));
                }
            }
        }
        queues.forEach((name, queue) -> {
            if (Lab.WORK_QUEUES.containsKey(name) && queue.consumers() == 0) {
                return; // stuck: said above
            } else if (!name.endsWith(".dlq") && !name.equals("events") && queue.messages() > 0) {
                seen.add("note: queue " + name + " holds " + queue.messages() + " message(s), " + queue.consumers()
                        + " consumer(s)");
            }
        });
        return seen;
    }

    // --- the queries -----------------------------------------------------------------------------------------------

    /** Every order of the stream's keys (the database's view: also those the client never got an answer for). */
    private List<Row> rows(Connection db) throws SQLException {
        List<String> customers = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        placed.forEach(order -> {
            customers.add(order.customerId);
            keys.add(order.key);
        });
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("""
                select o.id::text, o.customer_id::text, o.idempotency_key, o.status, o.reason
                  from orders.orders o
                  join unnest(?::text[], ?::text[]) as a(customer_id, idempotency_key)
                    on o.customer_id = a.customer_id::uuid and o.idempotency_key = a.idempotency_key""")) {
            select.setArray(1, db.createArrayOf("text", customers.toArray()));
            select.setArray(2, db.createArrayOf("text", keys.toArray()));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getString(2), result.getString(3), result.getString(4),
                            result.getString(5)));
                }
            }
        }
        // an id a client was given that is not under its key (it would count as lost, and as duplicated)
        Set<String> known = new LinkedHashSet<>();
        rows.forEach(row -> known.add(row.id()));
        List<String> elsewhere = placed.stream().map(order -> order.orderId).filter(id -> id != null && !known.contains(id))
                .toList();
        for (List<String> row : query(db, """
                select id::text, customer_id::text, idempotency_key, status, coalesce(reason, '')
                  from orders.orders where id = any(?::text[]::uuid[])""", elsewhere)) {
            rows.add(new Row(row.get(0), row.get(1), row.get(2) + " (not the client's key)", row.get(3),
                    row.get(4).isEmpty() ? null : row.get(4)));
        }
        return rows;
    }

    private Map<String, Row> rowsById() throws SQLException {
        try (Connection db = lab.database()) {
            Map<String, Row> byId = new HashMap<>();
            rows(db).forEach(row -> byId.put(row.id(), row));
            return byId;
        }
    }

    private List<String> ids(Connection db) throws SQLException {
        return rows(db).stream().map(Row::id).toList();
    }

    private List<String> confirmedNotCaptured(Connection db, List<String> ids) throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        for (List<String> row : query(db, """
                select o.id::text, o.status, coalesce(p.status, 'no payment')
                  from orders.orders o left join payments.payments p on p.order_id = o.id
                 where o.id = any(?::text[]::uuid[]) and o.status in """ + CONFIRMED_OR_LATER + """
                   and p.status is distinct from 'CAPTURED'""", ids)) {
            found.put(row.get(0), "order " + row.get(0) + " is " + row.get(1) + ", its payment " + row.get(2));
        }
        if (fakeProcessor(db)) {
            for (List<String> row : query(db, """
                    select o.id::text, o.status from orders.orders o
                     where o.id = any(?::text[]::uuid[]) and o.status in """ + CONFIRMED_OR_LATER + """
                       and exists (select from payments.fake_processor_holds h where h.reference::text = o.id::text)
                       and not exists (select from payments.fake_processor_holds h
                                        where h.reference::text = o.id::text and h.status = 'CAPTURED')""", ids)) {
                found.merge(row.get(0), "order " + row.get(0) + " is " + row.get(1) + ", no capture at the processor",
                        (a, b) -> a + "; no capture at the processor either");
            }
        }
        return new ArrayList<>(found.values());
    }

    /** AUTHORIZED (or even CAPTURED) payments, and HELD processor holds, of REJECTED or CANCELLED orders. */
    private List<String> openAuthorisations(Connection db, List<String> ids) throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        for (List<String> row : query(db, """
                select o.id::text, o.status, coalesce(o.reason, ''), p.status
                  from orders.orders o join payments.payments p on p.order_id = o.id
                 where o.id = any(?::text[]::uuid[]) and o.status in ('REJECTED', 'CANCELLED')
                   and p.status in ('AUTHORIZED', 'CAPTURED')""", ids)) {
            found.put(row.get(0), "order " + row.get(0) + " is " + row.get(1) + " " + row.get(2) + ", its payment " + row.get(3));
        }
        if (fakeProcessor(db)) {
            for (List<String> row : query(db, """
                    select o.id::text, o.status, count(*)::text
                      from orders.orders o join payments.fake_processor_holds h on h.reference::text = o.id::text
                     where o.id = any(?::text[]::uuid[]) and o.status in ('REJECTED', 'CANCELLED') and h.status = 'HELD'
                     group by o.id, o.status""", ids)) {
                found.merge(row.get(0), "order " + row.get(0) + " is " + row.get(1) + ", " + row.get(2)
                        + " hold(s) HELD at the processor", (a, b) -> a + "; " + row.get(2) + " hold(s) HELD at the processor");
            }
        }
        return new ArrayList<>(found.values());
    }

    private static long heldForFinalOrders(Connection db, List<String> ids) throws SQLException {
        return Long.parseLong(query(db, """
                select count(*)::text from stock.reservation r join orders.orders o on o.id = r.order_id
                 where o.id = any(?::text[]::uuid[]) and r.state = 'HELD' and o.status in """ + FINAL, ids).get(0).get(0));
    }

    /** The partner's fake processor keeps its holds here once their change lands. */
    private static boolean fakeProcessor(Connection db) throws SQLException {
        return query(db, "select to_regclass('payments.fake_processor_holds') is not null").get(0).get(0).equals("t");
    }

    /** How an order got where it is: its timeline, its reservation, its payment. */
    private static String story(Connection db, String orderId) throws SQLException {
        List<String> ids = List.of(orderId);
        StringBuilder story = new StringBuilder("timeline");
        for (List<String> step : query(db, """
                select status, coalesce(reason, ''), to_char(at, 'HH24:MI:SS.MS') from orders.order_timeline
                 where order_id = any(?::text[]::uuid[]) order by seq""", ids)) {
            story.append(' ').append(step.get(0)).append(step.get(1).isEmpty() ? "" : "(" + step.get(1) + ")")
                    .append('@').append(step.get(2));
        }
        for (List<String> order : query(db, """
                select attempts::text, coalesce(to_char(next_attempt_at, 'HH24:MI:SS'), '-'),
                       coalesce(to_char(hold_expires_at, 'HH24:MI:SS'), '-')
                  from orders.orders where id = any(?::text[]::uuid[])""", ids)) {
            story.append("; saga attempts ").append(order.get(0)).append(", next attempt ").append(order.get(1))
                    .append(", hold until ").append(order.get(2));
        }
        List<List<String>> reservation = query(db, """
                select state, coalesce(to_char(expires_at, 'HH24:MI:SS'), '-') from stock.reservation
                 where order_id = any(?::text[]::uuid[])""", ids);
        story.append("; reservation ").append(reservation.isEmpty() ? "none"
                : reservation.get(0).get(0) + " (expires " + reservation.get(0).get(1) + ")");
        List<List<String>> payment = query(db, """
                select status, coalesce(reason, ''), processor_calls::text from payments.payments
                 where order_id = any(?::text[]::uuid[])""", ids);
        story.append("; payment ").append(payment.isEmpty() ? "none"
                : payment.get(0).get(0) + (payment.get(0).get(1).isEmpty() ? "" : " " + payment.get(0).get(1))
                  + ", " + payment.get(0).get(2) + " processor call(s)");
        return story.toString();
    }

    private static boolean final_(Row row) {
        return row != null && FINAL_STATUSES.contains(row.status());
    }

    /** Rows as strings; the one parameter (if any) is a text array. */
    private static List<List<String>> query(Connection db, String sql, Collection<String>... arrays) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < arrays.length; i++) {
                Array array = db.createArrayOf("text", arrays[i].toArray());
                statement.setArray(i + 1, array);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getString(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
