package com.forno.pizzeria.orders.reporting.control;

import com.forno.pizzeria.platform.persistence.AfterCommit;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies orders' events to the read model, in the caller's transaction: the order's summary is locked, the events
 * merged into it, and the difference between its tallies before and after queued for the reports' rows
 * ({@link Folding}). Applying an event twice, or events out of order, ends in the same rows.
 */
@ApplicationScoped
public class Projection {

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Folding folding;

    @Inject
    @ConfigProperty(name = "pizzeria.reports.time-zone", defaultValue = "America/Sao_Paulo")
    ZoneId zone;

    /** Applies events of one order (one from the broker; all of an order's, rebuilding). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UUID orderId, List<Record> events) throws SQLException {
        // the transaction's own connection: a second one from the pool could wait for a free slot forever (Outbox)
        Connection db = em.unwrap(Connection.class);
        Optional<OrderSummary> known = ReadModel.locked(db, orderId);
        List<Tally> before = known.map(s -> s.tallies(zone)).orElse(List.of());
        OrderSummary summary = merged(known.orElseGet(() -> new OrderSummary(orderId)), events);
        if (known.isPresent()) {
            ReadModel.update(db, summary);
        } else if (!ReadModel.insert(db, summary)) {
            // another transaction inserted it meanwhile: start again from its row, now locked
            apply(orderId, events);
            return;
        }
        List<Tally> after = summary.tallies(zone);
        List<Change> changes = new ArrayList<>();
        before.stream().filter(t -> !after.contains(t)).forEach(t -> changes.add(new Change(t, -1)));
        after.stream().filter(t -> !before.contains(t)).forEach(t -> changes.add(new Change(t, 1)));
        ReadModel.queue(db, changes);
        if (!changes.isEmpty()) {
            AfterCommit.run(transactions, folding::wake);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    private static OrderSummary merged(OrderSummary summary, List<Record> events) {
        events.forEach(summary::merge);
        return summary;
    }

    /** A tally added ({@code sign} 1) to the reports or taken away (-1). */
    record Change(Tally tally, int sign) {
    }
}
