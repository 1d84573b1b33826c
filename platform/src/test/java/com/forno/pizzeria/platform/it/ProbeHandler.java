package com.forno.pizzeria.platform.it;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.forno.pizzeria.platform.messaging.Broker;
import com.forno.pizzeria.platform.messaging.MessageHandler;
import com.forno.pizzeria.platform.persistence.AfterCommit;
import com.forno.pizzeria.platform.persistence.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A consumer for the tests: does with each message what its payload's {@code behaviour} asks. Each test has a
 * queue of its own (the nested subclasses), so that what a test counts on its queue is its own doing.
 */
public abstract class ProbeHandler implements MessageHandler {

    public enum Behaviour {
        /** record one effect */
        APPLY,
        /**
         * record one effect, then throw, every time: a poison message whose handler wrote before it failed, so that
         * the rollback has something to undo
         */
        FAIL,
        /** record one effect, then drop the broker connection right after the commit, before the acknowledgement */
        CRASH_AFTER_COMMIT,
        /** throw until {@link #fixed} is set: a bug the operator fixes, after which the dead letters are replayed */
        FAIL_UNTIL_FIXED,
        /**
         * fail as an unreachable database does (SQLSTATE 08006) on the first {@link #OUTAGE_CALLS} calls, more than
         * the queue's delivery limit, then record one effect: a short outage
         */
        OUTAGE_THEN_APPLY
    }

    /** How many calls a {@link Behaviour#OUTAGE_THEN_APPLY} message fails as a database outage. */
    public static final int OUTAGE_CALLS = 5;

    /** Whether the "bug" behind {@link Behaviour#FAIL_UNTIL_FIXED} is fixed. */
    public static volatile boolean fixed;

    public static final String TYPE = "Probe";
    static final int DELIVERY_LIMIT = 3;

    // Counted in memory, outside every transaction, so that a call whose effect was rolled back still counts.
    private static final Map<UUID, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final Map<UUID, String> CARD_TOKENS = new ConcurrentHashMap<>();

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Broker broker;

    private final QueueSpec queue;

    protected ProbeHandler(String queueName) {
        this.queue = new QueueSpec(queueName, List.of(queueName + ".#"), DELIVERY_LIMIT);
    }

    @Override
    public QueueSpec queue() {
        return queue;
    }

    public String routingKey() {
        return queue.name() + ".probe";
    }

    /** How often a handler was called with this message, whatever became of the call's transaction. */
    public static int calls(UUID messageId) {
        AtomicInteger calls = CALLS.get(messageId);
        return calls == null ? 0 : calls.get();
    }

    /** The card token a message carried when it reached the handler, if any. */
    public static String cardToken(UUID messageId) {
        return CARD_TOKENS.get(messageId);
    }

    @Override
    public void handle(Envelope message) throws Exception {
        if (message.payload().containsKey("cardToken")) {
            CARD_TOKENS.put(message.id(), message.payload().getString("cardToken"));
        }
        int call = CALLS.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet();
        boolean firstCall = call == 1;
        Behaviour behaviour = Behaviour.valueOf(message.payload().getString("behaviour"));
        if (behaviour == Behaviour.FAIL) {
            recordEffect(message);
            throw new IllegalStateException("probe message " + message.id() + " fails after its write, as it asked to");
        }
        if (behaviour == Behaviour.FAIL_UNTIL_FIXED && !fixed) {
            throw new IllegalStateException("probe message " + message.id() + " fails, as it asked to");
        }
        if (behaviour == Behaviour.OUTAGE_THEN_APPLY && call <= OUTAGE_CALLS) {
            throw new SQLException("An I/O error occurred while sending to the backend (probe " + message.id()
                    + ", call " + call + ")", "08006");
        }
        recordEffect(message);
        // Only on the first call: should a broken inbox let the redelivery through, the test sees two effects
        // instead of a consumer that crashes for ever.
        if (behaviour == Behaviour.CRASH_AFTER_COMMIT && firstCall) {
            AfterCommit.run(transactions, broker::abortConnection);
        }
    }

    private void recordEffect(Envelope message) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into probe_effect (message_id, queue) values (?, ?)")) {
            insert.setObject(1, message.id());
            insert.setString(2, queue.name());
            insert.executeUpdate();
        }
    }

    @ApplicationScoped
    public static class PoisonQueue extends ProbeHandler {
        public PoisonQueue() {
            super("it.poison");
        }
    }

    @ApplicationScoped
    public static class DuplicateQueue extends ProbeHandler {
        public DuplicateQueue() {
            super("it.duplicate");
        }
    }

    @ApplicationScoped
    public static class OutageQueue extends ProbeHandler {
        public OutageQueue() {
            super("it.outage");
        }
    }

    @ApplicationScoped
    public static class ReplayQueue extends ProbeHandler {
        public ReplayQueue() {
            super("it.replay");
        }
    }

    @ApplicationScoped
    public static class CrashQueue extends ProbeHandler {
        public CrashQueue() {
            super("it.crash");
        }
    }

    @ApplicationScoped
    public static class OutageHoldQueue extends ProbeHandler {
        public OutageHoldQueue() {
            super("it.outage-hold");
        }
    }

    @ApplicationScoped
    public static class ChannelLossQueue extends ProbeHandler {
        public ChannelLossQueue() {
            super("it.channel-loss");
        }
    }

    @ApplicationScoped
    public static class SecretQueue extends ProbeHandler {
        public SecretQueue() {
            super("it.secret");
        }
    }

    @ApplicationScoped
    public static class OrphanQueue extends ProbeHandler {
        public OrphanQueue() {
            super("it.orphan");
        }
    }
}
