package com.forno.pizzeria.orders.saga.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.contracts.orders.OrderCancelled;
import com.forno.pizzeria.contracts.orders.OrderRejected;
import com.forno.pizzeria.contracts.orders.OrderStatusChanged;
import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.forno.pizzeria.contracts.payments.PaymentAuthorized;
import com.forno.pizzeria.contracts.payments.PaymentDeclined;
import com.forno.pizzeria.contracts.payments.VoidPayment;
import com.forno.pizzeria.contracts.stock.ReleaseReservation;
import com.forno.pizzeria.contracts.stock.ReservationLost;
import com.forno.pizzeria.contracts.stock.ReserveStock;
import com.forno.pizzeria.contracts.stock.StockRejected;
import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import com.forno.pizzeria.contracts.stock.StockReserved;
import com.forno.pizzeria.orders.EveryPair;
import com.forno.pizzeria.orders.ordering.control.OrderEvents;
import com.forno.pizzeria.orders.ordering.control.OrderMetrics;
import com.forno.pizzeria.orders.ordering.control.OrderProblems.TooLate;
import com.forno.pizzeria.orders.ordering.entity.Order;
import com.forno.pizzeria.orders.ordering.entity.OrderLine;
import com.forno.pizzeria.orders.ordering.entity.OrderStatus;
import com.forno.pizzeria.orders.ordering.entity.Reason;
import com.forno.pizzeria.platform.messaging.Outbox;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The saga's decisions: what each reply does to an order in each status, and what it sends. The saga runs against
 * stand-ins for what it reaches through the container (the locked row, the outbox, the order events, the metrics,
 * the NOTIFY of a decision, the transaction's after-commit hook); a fixed clock. Which rows the sweeper selects (its
 * SQL, the row locks) is the container tests' business (orders-war's SagaIT), not this one's.
 */
class SagaTest {

    static final Instant NOW = Instant.parse("2026-12-01T19:00:00Z");
    static final List<Shortage> SHORT = List.of(new Shortage("MOZZARELLA", 400, 150, "Mozzarella"));

    final Map<UUID, Order> rows = new HashMap<>();
    final List<String> sent = new ArrayList<>();
    final List<String> announced = new ArrayList<>();
    final List<String> counted = new ArrayList<>();
    final List<UUID> noticed = new ArrayList<>();
    final List<UUID> released = new ArrayList<>();
    final List<Synchronization> onCompletion = new ArrayList<>();
    final List<AuthorizePayment> authorisations = new ArrayList<>();
    List<Order> overdue = List.of();
    Saga saga;

    @BeforeEach
    void saga() {
        saga = new Saga();
        saga.em = fake(EntityManager.class, (method, args) -> switch (method) {
            case "find" -> {
                assertThat(args).as("the order is read locked").contains(LockModeType.PESSIMISTIC_WRITE);
                yield rows.get((UUID) args[1]);
            }
            case "createNativeQuery" -> overdueQuery();
            default -> throw new UnsupportedOperationException(method);
        });
        saga.outbox = new Outbox() {
            @Override
            public UUID send(Record payload, Object correlationId) {
                if (payload instanceof AuthorizePayment authorize) {
                    authorisations.add(authorize);
                }
                sent.add(describe(payload));
                return UUID.randomUUID();
            }
        };
        saga.events = new OrderEvents() {
            @Override
            public void announce(Order order) {
                announced.add(describe(OrderEvents.of(order, order.timeline().size() - 1)));
            }
        };
        saga.metrics = new OrderMetrics() {
            @Override
            public void cancelled(Order order, OrderStatus before) {
                counted.add("cancelled from " + before);
            }

            @Override
            public void stockLostButKept(OrderStatus status) {
                counted.add("lost but kept " + status);
            }

            @Override
            public void decided(Order order) {
                counted.add("decided " + order.status());
            }
        };
        saga.notices = new DecisionNotices() {
            @Override
            public void announce(UUID order) {
                noticed.add(order);
            }
        };
        saga.decisions = new Decisions() {
            @Override
            public void decided(UUID order) {
                released.add(order);
            }
        };
        saga.transactions = fake(TransactionSynchronizationRegistry.class, (method, args) -> {
            if (!method.equals("registerInterposedSynchronization")) {
                throw new UnsupportedOperationException(method);
            }
            onCompletion.add((Synchronization) args[0]);
            return null;
        });
        saga.settings = new SagaSettings();
        saga.settings.stockTimeoutSeconds = 20;
        saga.settings.paymentTimeoutSeconds = 30;
        saga.settings.maxRetries = 2;
        saga.settings.holdMarginSeconds = 15;
        saga.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    // --- every reply in every status -------------------------------------------------------------------------

    /** Where an order can be when a reply comes. */
    enum Given {
        PENDING, PENDING_PREPAID, AWAITING_PAYMENT, CONFIRMED, CONFIRMED_PREPAID, PREPARING, OUT_FOR_DELIVERY,
        DELIVERED, REJECTED, CANCELLED
    }

    enum Reply {
        STOCK_RESERVED((saga, id) -> saga.on(new StockReserved(id, NOW.plusSeconds(600)))),
        STOCK_REJECTED((saga, id) -> saga.on(new StockRejected(id, "OUT_OF_STOCK", SHORT))),
        RESERVATION_LOST((saga, id) -> saga.on(new ReservationLost(id, "EXPIRED", SHORT))),
        PAYMENT_AUTHORIZED((saga, id) -> saga.on(new PaymentAuthorized(id, UUID.randomUUID(), 10980))),
        PAYMENT_DECLINED((saga, id) -> saga.on(new PaymentDeclined(id, UUID.randomUUID(), "DECLINED")));

        final BiConsumer<Saga, UUID> deliver;

        Reply(BiConsumer<Saga, UUID> deliver) {
            this.deliver = deliver;
        }
    }

    /** What a reply did: the order's status and reason after it, and what went out. */
    record Outcome(OrderStatus status, Reason reason, List<String> sent, List<String> announced, List<String> counted) {

        boolean decides() {
            return counted.stream().anyMatch(count -> count.startsWith("decided"));
        }
    }

    /** Every reply that does something; any pair not listed leaves the order as it was and sends nothing. */
    static final Map<Reply, Map<Given, Outcome>> EFFECTS = Map.of(
            Reply.STOCK_RESERVED, Map.of(
                    Given.PENDING, new Outcome(OrderStatus.AWAITING_PAYMENT, null, List.of("AuthorizePayment"),
                            List.of("OrderStatusChanged AWAITING_PAYMENT"), List.of()),
                    // the one OrderConfirmed event commits the reservation (and captures, where there is a payment)
                    Given.PENDING_PREPAID, new Outcome(OrderStatus.CONFIRMED, null, List.of(),
                            List.of("OrderConfirmed"), List.of("decided CONFIRMED")),
                    // cancelled or rejected while stock was reserving: give the ingredients back
                    Given.REJECTED, new Outcome(OrderStatus.REJECTED, Reason.OUT_OF_STOCK,
                            List.of("ReleaseReservation ORDER_REJECTED"), List.of(), List.of()),
                    Given.CANCELLED, new Outcome(OrderStatus.CANCELLED, Reason.PAYMENT_DECLINED,
                            List.of("ReleaseReservation ORDER_CANCELLED"), List.of(), List.of())),
            Reply.STOCK_REJECTED, Map.of(
                    Given.PENDING, new Outcome(OrderStatus.REJECTED, Reason.OUT_OF_STOCK, List.of(),
                            List.of("OrderRejected OUT_OF_STOCK"), List.of("decided REJECTED")),
                    Given.PENDING_PREPAID, new Outcome(OrderStatus.REJECTED, Reason.OUT_OF_STOCK, List.of(),
                            List.of("OrderRejected OUT_OF_STOCK"), List.of("decided REJECTED"))),
            Reply.RESERVATION_LOST, Map.of(
                    Given.CONFIRMED, new Outcome(OrderStatus.CANCELLED, Reason.OUT_OF_STOCK,
                            List.of("VoidPayment OUT_OF_STOCK"), List.of("OrderCancelled OUT_OF_STOCK"),
                            List.of("cancelled from CONFIRMED")),
                    // the partner collected the money: payments holds none to give back
                    Given.CONFIRMED_PREPAID, new Outcome(OrderStatus.CANCELLED, Reason.OUT_OF_STOCK, List.of(),
                            List.of("OrderCancelled OUT_OF_STOCK"), List.of("cancelled from CONFIRMED")),
                    // the kitchen has started: the food exists, the order goes on
                    Given.PREPARING, new Outcome(OrderStatus.PREPARING, null, List.of(), List.of(),
                            List.of("lost but kept PREPARING")),
                    Given.OUT_FOR_DELIVERY, new Outcome(OrderStatus.OUT_FOR_DELIVERY, null, List.of(), List.of(),
                            List.of("lost but kept OUT_FOR_DELIVERY")),
                    Given.DELIVERED, new Outcome(OrderStatus.DELIVERED, null, List.of(), List.of(),
                            List.of("lost but kept DELIVERED"))),
            Reply.PAYMENT_AUTHORIZED, Map.of(
                    Given.AWAITING_PAYMENT, new Outcome(OrderStatus.CONFIRMED, null, List.of(), List.of("OrderConfirmed"),
                            List.of("decided CONFIRMED")),
                    // authorised after the order was cancelled: never keep that money
                    Given.CANCELLED, new Outcome(OrderStatus.CANCELLED, Reason.PAYMENT_DECLINED,
                            List.of("VoidPayment ORDER_CANCELLED"), List.of(), List.of())),
            Reply.PAYMENT_DECLINED, Map.of(
                    Given.AWAITING_PAYMENT, new Outcome(OrderStatus.CANCELLED, Reason.PAYMENT_DECLINED,
                            List.of("ReleaseReservation PAYMENT_DECLINED"), List.of("OrderCancelled PAYMENT_DECLINED"),
                            List.of("cancelled from AWAITING_PAYMENT", "decided CANCELLED"))));

    static Stream<Arguments> everyReplyInEveryStatus() {
        return EveryPair.of(Reply.values(), Given.values());
    }

    @ParameterizedTest(name = "{0} while {1}")
    @MethodSource("everyReplyInEveryStatus")
    void eachReplyMovesTheOrderOnlyForwardAndSendsWhatItsStatusCallsFor(Reply reply, Given given) {
        Order order = given(given);
        Outcome nothing = new Outcome(order.status(), order.reason(), List.of(), List.of(), List.of());
        Outcome expected = EFFECTS.get(reply).getOrDefault(given, nothing);
        int steps = order.timeline().size();

        reply.deliver.accept(saga, order.id());

        assertThat(new Outcome(order.status(), order.reason(), sent, announced, counted)).isEqualTo(expected);
        assertThat(order.timeline()).hasSize(steps + (expected.announced().isEmpty() ? 0 : 1));
        if (expected.decides()) {
            assertThat(order.decidedAt()).isEqualTo(NOW);
            assertThat(noticed).as("NOTIFY in the deciding transaction").containsExactly(order.id());
            assertThat(released).as("waiters released before the commit").isEmpty();
            commit();
            assertThat(released).as("waiters released once committed").containsExactly(order.id());
        } else {
            assertThat(noticed).isEmpty();
            assertThat(onCompletion).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void aReplyAboutAnOrderThatIsNotHereChangesNothing(Reply reply) {
        reply.deliver.accept(saga, UUID.randomUUID());

        assertThat(sent).isEmpty();
        assertThat(announced).isEmpty();
        assertThat(counted).isEmpty();
        assertThat(onCompletion).isEmpty();
    }

    static Stream<Reply> replies() {
        return Arrays.stream(Reply.values());
    }

    @Test
    void heldStockAsksPaymentsForTheOrdersTotalOnItsCard() {
        Order order = given(Given.PENDING);

        saga.on(new StockReserved(order.id(), NOW.plusSeconds(600)));

        assertThat(authorisations).singleElement().isEqualTo(new AuthorizePayment(order.id(), order.customerId(),
                10980, "BRL", "tok_approved"));
        assertThat(order.holdEndsBefore(NOW.plusSeconds(601))).as("the hold is recorded").isTrue();
    }

    @Test
    void anAuthorisationOnAHoldThatEndsWithinTheMarginExpiresTheOrderAndGivesBothBack() {
        Order order = awaitingPaymentHeldUntil(NOW.plusSeconds(14));

        saga.on(new PaymentAuthorized(order.id(), UUID.randomUUID(), 10980));

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(sent).containsExactly("ReleaseReservation EXPIRED", "VoidPayment EXPIRED");
        assertThat(announced).containsExactly("OrderCancelled EXPIRED");
        assertThat(counted).containsExactly("cancelled from AWAITING_PAYMENT", "decided CANCELLED");
    }

    @Test
    void anAuthorisationOnAHoldThatEndsJustAtTheMarginConfirms() {
        Order order = awaitingPaymentHeldUntil(NOW.plusSeconds(15));

        saga.on(new PaymentAuthorized(order.id(), UUID.randomUUID(), 10980));

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(announced).containsExactly("OrderConfirmed"); // which stock commits and payments captures on
    }

    @Test
    void aDecisionRolledBackReleasesNobody() {
        Order order = given(Given.AWAITING_PAYMENT);

        saga.on(new PaymentDeclined(order.id(), UUID.randomUUID(), "DECLINED"));
        onCompletion.forEach(hook -> hook.afterCompletion(Status.STATUS_ROLLEDBACK));

        assertThat(released).isEmpty();
    }

    // --- people ----------------------------------------------------------------------------------------------

    @Test
    void theCustomerCancelsAPendingOrderAndItsStockIsReleasedWithNoPaymentToVoid() {
        Order order = given(Given.PENDING);

        saga.cancel(order.id(), false);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.reason()).isEqualTo(Reason.CANCELLED_BY_CUSTOMER);
        assertThat(sent).containsExactly("ReleaseReservation CANCELLED_BY_CUSTOMER");
        assertThat(announced).containsExactly("OrderCancelled CANCELLED_BY_CUSTOMER");
        assertThat(counted).containsExactly("cancelled from PENDING", "decided CANCELLED");
    }

    @Test
    void theCustomerCancelsAnOrderAwaitingPaymentAndBothTheStockAndTheAuthorisationGoBack() {
        Order order = given(Given.AWAITING_PAYMENT);

        saga.cancel(order.id(), false);

        assertThat(sent).containsExactly("ReleaseReservation CANCELLED_BY_CUSTOMER", "VoidPayment CANCELLED_BY_CUSTOMER");
        assertThat(counted).containsExactly("cancelled from AWAITING_PAYMENT", "decided CANCELLED");
    }

    @ParameterizedTest
    @MethodSource("decided")
    void theCustomerMayNotCancelAnOrderOnceDecided(Given given) {
        Order order = given(given);
        OrderStatus before = order.status();

        assertThatThrownBy(() -> saga.cancel(order.id(), false)).isInstanceOf(TooLate.class);
        assertThat(order.status()).isEqualTo(before);
        assertThat(sent).isEmpty();
    }

    static Stream<Given> decided() {
        return Stream.of(Given.CONFIRMED, Given.PREPARING, Given.OUT_FOR_DELIVERY, Given.DELIVERED, Given.REJECTED,
                Given.CANCELLED);
    }

    @ParameterizedTest
    @MethodSource("terminal")
    void nobodyCancelsAnOrderThatIsOver(Given given) {
        Order order = given(given);

        assertThatThrownBy(() -> saga.cancel(order.id(), true)).isInstanceOf(TooLate.class);
        assertThat(sent).isEmpty();
        assertThat(announced).isEmpty();
    }

    static Stream<Given> terminal() {
        return Stream.of(Given.DELIVERED, Given.REJECTED, Given.CANCELLED);
    }

    @Test
    void anAdminCancelsAConfirmedOrderAndTheStockAndTheMoneyGoBackButItStaysDecidedAsBefore() {
        Order order = given(Given.CONFIRMED);

        saga.cancel(order.id(), true);

        assertThat(order.reason()).isEqualTo(Reason.CANCELLED_BY_ADMIN);
        assertThat(sent).containsExactly("ReleaseReservation CANCELLED_BY_ADMIN", "VoidPayment CANCELLED_BY_ADMIN");
        assertThat(counted).as("counted as cancelled after confirmation, not as a second decision")
                .containsExactly("cancelled from CONFIRMED");
        assertThat(onCompletion).isEmpty();
    }

    @Test
    void anAdminCancelsAnOrderTheKitchenStartedAndOnlyTheMoneyGoesBack() {
        for (Given given : List.of(Given.PREPARING, Given.OUT_FOR_DELIVERY)) {
            sent.clear();
            Order order = given(given);

            saga.cancel(order.id(), true);

            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(sent).as(given.name()).containsExactly("VoidPayment CANCELLED_BY_ADMIN");
        }
    }

    @Test
    void anAdminCancelsAPrepaidOrderAndOnlyTheStockGoesBackThePartnerRefunds() {
        Order order = given(Given.CONFIRMED_PREPAID);

        saga.cancel(order.id(), true);

        assertThat(sent).containsExactly("ReleaseReservation CANCELLED_BY_ADMIN");
    }

    @Test
    void theKitchenMovesAnOrderOneStepAndNeverSkipsOne() {
        Order order = given(Given.CONFIRMED);

        saga.advance(order.id(), OrderStatus.PREPARING);
        assertThat(order.status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(announced).containsExactly("OrderStatusChanged PREPARING");

        assertThatThrownBy(() -> saga.advance(order.id(), OrderStatus.DELIVERED)).isInstanceOf(TooLate.class);
        assertThat(order.status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(sent).isEmpty();
    }

    // --- the sweeper ----------------------------------------------------------------------------------------

    @Test
    void anOverdueOrderIsAskedForAgainWhileItHasRetriesLeft() {
        List<Order> waiting = overdueForStockAndForPayment();

        assertThat(saga.sweep(50)).isEqualTo(2);

        assertThat(sent).containsExactly("ReserveStock", "AuthorizePayment");
        assertThat(waiting).extracting(Order::attempts).containsExactly(1, 1);
        assertThat(waiting).extracting(Order::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT);
        assertThat(announced).isEmpty();
    }

    @Test
    void anOverdueOrderWithNoRetriesLeftExpiresAndWhatWasDoneIsUndone() {
        List<Order> waiting = overdueForStockAndForPayment();
        for (Order order : waiting) {
            order.retried(NOW, NOW);
            order.retried(NOW, NOW);
        }

        saga.sweep(50);

        assertThat(waiting).extracting(Order::reason).containsExactly(Reason.EXPIRED, Reason.EXPIRED);
        assertThat(sent).containsExactly("ReleaseReservation EXPIRED",
                "ReleaseReservation EXPIRED", "VoidPayment EXPIRED");
        assertThat(announced).containsExactly("OrderCancelled EXPIRED", "OrderCancelled EXPIRED");
        assertThat(counted).containsExactly("cancelled from PENDING", "decided CANCELLED",
                "cancelled from AWAITING_PAYMENT", "decided CANCELLED");
    }

    /** One order waiting for stock and one for payment, both overdue: what the sweeper's query finds. */
    private List<Order> overdueForStockAndForPayment() {
        overdue = List.of(given(Given.PENDING), given(Given.AWAITING_PAYMENT));
        return overdue;
    }

    @Test
    void aRetriedReserveStockNamesEveryLineOfTheOrder() {
        Order order = given(Given.PENDING);
        overdue = List.of(order);
        List<ReserveStock> asked = new ArrayList<>();
        Outbox recording = saga.outbox;
        saga.outbox = new Outbox() {
            @Override
            public UUID send(Record payload, Object correlationId) {
                asked.add((ReserveStock) payload);
                return recording.send(payload, correlationId);
            }
        };

        saga.sweep(50);

        assertThat(asked).singleElement().satisfies(reserve -> {
            assertThat(reserve.orderId()).isEqualTo(order.id());
            assertThat(reserve.lines()).containsExactly(
                    new ReserveStock.Line(order.lines().get(0).productId(), 2));
        });
    }

    // --- orders in every status, built the way the saga and the kitchen move them ----------------------------

    private Order given(Given given) {
        Instant t = NOW.minusSeconds(60);
        Order order = switch (given) {
            case PENDING_PREPAID, CONFIRMED_PREPAID -> Order.fromPartner("pizza-app", UUID.randomUUID(), "P-1", "hash",
                    lines(), null, "Ana", "+5511987654321", true, null, t, t.plusSeconds(20));
            default -> new Order(UUID.randomUUID(), "key-1", "hash", lines(), null, "tok_approved", t,
                    t.plusSeconds(20));
        };
        switch (given) {
            case PENDING, PENDING_PREPAID -> {
            }
            case CONFIRMED_PREPAID -> order.confirmPrepaid(NOW.plusSeconds(600), t.plusSeconds(1));
            case REJECTED -> order.rejectForLackOfStock(SHORT, t.plusSeconds(1));
            default -> {
                order.stockReserved(NOW.plusSeconds(600), t.plusSeconds(1), t.plusSeconds(31));
                switch (given) {
                    case AWAITING_PAYMENT -> {
                    }
                    case CANCELLED -> order.paymentDeclined("DECLINED", t.plusSeconds(2));
                    default -> {
                        order.confirm(t.plusSeconds(2));
                        for (OrderStatus step : List.of(OrderStatus.PREPARING, OrderStatus.OUT_FOR_DELIVERY,
                                OrderStatus.DELIVERED)) {
                            if (order.status().name().equals(given.name())) {
                                break;
                            }
                            order.advance(step, t.plusSeconds(3));
                        }
                    }
                }
            }
        }
        assertThat(order.status().name()).isEqualTo(given.name().replace("_PREPAID", ""));
        rows.put(order.id(), order);
        return order;
    }

    private Order awaitingPaymentHeldUntil(Instant expiresAt) {
        Order order = new Order(UUID.randomUUID(), "key-1", "hash", lines(), null, "tok_approved",
                NOW.minusSeconds(60), NOW.minusSeconds(40));
        order.stockReserved(expiresAt, NOW.minusSeconds(59), NOW.minusSeconds(29));
        rows.put(order.id(), order);
        return order;
    }

    private static List<OrderLine> lines() {
        return List.of(new OrderLine(UUID.randomUUID(), "Calabresa", 2, 5490));
    }

    private void commit() {
        onCompletion.forEach(hook -> hook.afterCompletion(Status.STATUS_COMMITTED));
    }

    private Query overdueQuery() {
        return fake(Query.class, (method, args) -> switch (method) {
            case "setParameter" -> overdueQuery();
            case "getResultList" -> overdue;
            default -> throw new UnsupportedOperationException(method);
        });
    }

    /** A message as the tests compare it: its type, and the reason or status it carries. */
    private static String describe(Record message) {
        String type = message.getClass().getSimpleName();
        if (message instanceof ReleaseReservation release) {
            return type + " " + release.reason();
        }
        if (message instanceof VoidPayment voidPayment) {
            return type + " " + voidPayment.reason();
        }
        if (message instanceof OrderCancelled cancelled) {
            return type + " " + cancelled.reason();
        }
        if (message instanceof OrderRejected rejected) {
            return type + " " + rejected.reason();
        }
        if (message instanceof OrderStatusChanged changed) {
            return type + " " + changed.status();
        }
        return type;
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(SagaTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getDeclaringClass() == Object.class
                        ? switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "fake " + type.getSimpleName();
                        }
                        : answer.answer(method.getName(), args == null ? new Object[0] : args));
    }
}
