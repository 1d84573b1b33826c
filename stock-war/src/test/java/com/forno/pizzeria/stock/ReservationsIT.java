package com.forno.pizzeria.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.orders.OrderConfirmed;
import com.forno.pizzeria.contracts.stock.CommitReservation;
import com.forno.pizzeria.contracts.stock.ReleaseReservation;
import com.forno.pizzeria.contracts.stock.ReservationLost;
import com.forno.pizzeria.contracts.stock.ReserveStock;
import com.forno.pizzeria.contracts.stock.StockRejected;
import com.forno.pizzeria.contracts.stock.StockReserved;
import com.forno.pizzeria.testing.ClientIT;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The saga's stock step through RabbitMQ: commands on the exchange, answers on orders.replies. */
class ReservationsIT extends ClientIT<Api> {

    static final long TTL_SECONDS = Long.getLong("it.reservation.ttl-seconds");

    Bus bus;

    @BeforeEach
    void client() throws Exception {
        bus = Bus.get();
    }

    /** Two pizzas sharing the cheese: P1 = 200 g cheese + 1 dough, P2 = 100 g cheese. */
    record Kitchen(String cheese, String dough, UUID margherita, UUID mozzarella) {
    }

    Kitchen kitchen(long cheese, long dough) {
        String cheeseSku = api.ingredient("MUCARELA", cheese, 0, 0);
        String doughSku = api.ingredient("MASSA", dough, 0, 0);
        return new Kitchen(cheeseSku, doughSku,
                UUID.fromString(api.product("Margherita", Api.recipe(cheeseSku, 200, doughSku, 1))),
                UUID.fromString(api.product("Muçarela", Api.recipe(cheeseSku, 100))));
    }

    static ReserveStock.Line line(UUID product, int quantity) {
        return new ReserveStock.Line(product, quantity);
    }

    long reserved(String sku) {
        return api.ingredient(sku).getJsonNumber("reserved").longValue();
    }

    long onHand(String sku) {
        return api.ingredient(sku).getJsonNumber("onHand").longValue();
    }

    /** Holds the lines for a new order; returns the order. */
    UUID held(ReserveStock.Line... lines) throws Exception {
        UUID order = UUID.randomUUID();
        hold(order, lines);
        return order;
    }

    void hold(UUID order, ReserveStock.Line... lines) throws Exception {
        bus.send(new ReserveStock(order, List.of(lines)), order);
        assertThat(bus.awaitReply(order)).isInstanceOf(StockReserved.class);
    }

    static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30)).until(condition);
    }

    static void eventuallyAsserted(ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(assertion);
    }

    /** The ingredient's on hand and reserved, in that order. */
    static AbstractListAssert<?, List<?>, Object, ObjectAssert<Object>> assertBalance(String sku) {
        return assertThat(Db.balance(sku)).extracting(Db.Balance::onHand, Db.Balance::reserved);
    }

    static void ledgerAddsUp(String... skus) {
        for (String sku : skus) {
            Db.Balance balance = Db.balance(sku);
            assertThat(balance.onHandFromLedger()).as("on hand of %s from its ledger", sku).isEqualTo(balance.onHand());
            assertThat(balance.reservedFromLedger()).as("reserved of %s from its ledger", sku).isEqualTo(balance.reserved());
        }
    }

    @Test
    void everyIngredientOfEveryLineIsHeldAndStockReservedAnswers() throws Exception {
        Kitchen k = kitchen(2000, 10);
        UUID order = UUID.randomUUID();
        Instant before = Instant.now();

        bus.send(new ReserveStock(order, List.of(line(k.margherita(), 2), line(k.mozzarella(), 1), line(k.margherita(), 1))), order);

        StockReserved reserved = (StockReserved) bus.awaitReply(order);
        assertThat(reserved.orderId()).isEqualTo(order);
        assertThat(reserved.expiresAt()).isBetween(before.plusSeconds(TTL_SECONDS - 1), Instant.now().plusSeconds(TTL_SECONDS + 1));
        assertThat(reserved(k.cheese())).isEqualTo(3 * 200 + 100);
        assertThat(reserved(k.dough())).isEqualTo(3);
        assertThat(onHand(k.cheese())).isEqualTo(2000);
        assertThat(api.menuItem(k.margherita().toString()).getJsonNumber("available").longValue()).isEqualTo(6);
        JsonObject line = api.get("stock/ingredients/" + k.cheese() + "/movements?limit=1", api.admin).expect(200)
                .json().getJsonArray("items").getJsonObject(0);
        assertThat(line.getString("type")).isEqualTo("RESERVE");
        assertThat(line.getJsonNumber("reservedDelta").longValue()).isEqualTo(700);
        assertThat(line.getString("orderId")).isEqualTo(order.toString());
        assertThat(line.getString("actor")).isEqualTo("system");
        assertThat(Db.movements(k.cheese(), "RESERVE")).isEqualTo(1);
        ledgerAddsUp(k.cheese(), k.dough());
    }

    @Test
    void aShortOrderIsRejectedWithItsShortagesAndChangesNothing() throws Exception {
        Kitchen k = kitchen(500, 10);
        UUID order = UUID.randomUUID();

        bus.send(new ReserveStock(order, List.of(line(k.margherita(), 3), line(k.mozzarella(), 1))), order);

        StockRejected rejected = (StockRejected) bus.awaitReply(order);
        assertThat(rejected.reason()).isEqualTo("OUT_OF_STOCK");
        assertThat(rejected.shortages()).containsExactly(new StockRejected.Shortage(k.cheese(), 700, 500, "Ingredient " + k.cheese()));
        assertThat(reserved(k.cheese())).isZero();
        assertThat(reserved(k.dough())).isZero();
        assertThat(Db.movements(k.cheese(), "RESERVE") + Db.movements(k.dough(), "RESERVE")).isZero();
        assertThat(Db.reservationState(order)).isEqualTo("REJECTED");

        bus.send(new ReserveStock(order, List.of(line(k.margherita(), 3), line(k.mozzarella(), 1))), order);
        eventually(() -> bus.replies(order).size() == 2);
        assertThat(Bus.payload(bus.replies(order).get(1))).as("the same question gets the same answer").isEqualTo(rejected);
        ledgerAddsUp(k.cheese(), k.dough());
    }

    @Test
    void aCommitSellsWhatIsHeld() throws Exception {
        Kitchen k = kitchen(2000, 10);
        UUID order = held(line(k.margherita(), 2));

        bus.send(new CommitReservation(order), order);

        eventually(() -> Db.reservationState(order).equals("COMMITTED"));
        // the sale reaches the ingredient rows when a sweeper settles it (within stock.settle.interval-ms)
        eventually(() -> reserved(k.cheese()) == 0);
        assertThat(onHand(k.cheese())).isEqualTo(1600);
        assertThat(onHand(k.dough())).isEqualTo(8);
        assertThat(Db.movements(k.cheese(), "SALE")).isEqualTo(1);
        ledgerAddsUp(k.cheese(), k.dough());

        UUID release = bus.send(new ReleaseReservation(order, "CANCELLED_BY_ADMIN"), order);
        UUID again = bus.send(new CommitReservation(order), order);
        eventually(() -> Db.applied(release) && Db.applied(again));
        assertThat(onHand(k.cheese())).as("a sale is final: no return, no second sale").isEqualTo(1600);
        assertThat(Db.movements(k.cheese(), "SALE")).isEqualTo(1);
    }

    @Test
    void aCommitLeavesTheIngredientRowsAloneAndTheSaleIsSettledAfter() throws Exception {
        Kitchen k = kitchen(2000, 10);
        UUID order = held(line(k.margherita(), 1));

        // an order locks its ingredient rows once, to reserve: with the cheese row locked by someone else, the
        // commit still goes through, and only the sale's settlement waits for the lock
        try (Db.RowLock cheese = Db.lockIngredient(k.cheese())) {
            UUID commit = bus.send(new CommitReservation(order), order);
            eventually(() -> Db.applied(commit));
            assertThat(Db.reservationState(order)).isEqualTo("COMMITTED");
            assertThat(Db.movements(k.cheese(), "SALE")).isZero();
            assertThat(Db.balance(k.cheese()).reserved()).as("held until settled").isEqualTo(200);
        }
        eventually(() -> Db.movements(k.cheese(), "SALE") == 1);
        assertBalance(k.cheese()).containsExactly(1800L, 0L);
        ledgerAddsUp(k.cheese(), k.dough());
    }

    @Test
    void theOrdersConfirmationCommitsItsReservationAndIsSoldOnce() throws Exception {
        Kitchen k = kitchen(2000, 10);
        UUID order = held(line(k.margherita(), 1));
        var confirmed = new OrderConfirmed(order, UUID.randomUUID(), List.of(), 4590, Instant.now(), 2);

        UUID first = bus.send(confirmed, order);
        UUID again = bus.send(confirmed, order);

        eventually(() -> Db.applied(first) && Db.applied(again));
        assertThat(Db.reservationState(order)).isEqualTo("COMMITTED");
        eventually(() -> Db.movements(k.cheese(), "SALE") == 1);
        assertBalance(k.cheese()).containsExactly(1800L, 0L);
        assertThat(bus.replies(order)).as("a commit is not answered").hasSize(1);
        ledgerAddsUp(k.cheese(), k.dough());
    }

    @Test
    void aReleaseGivesBackWhatIsHeldAndALaterCommitIsIgnored() throws Exception {
        Kitchen k = kitchen(2000, 10);
        UUID order = held(line(k.mozzarella(), 4));

        bus.send(new ReleaseReservation(order, "PAYMENT_DECLINED"), order);

        eventually(() -> Db.reservationState(order).equals("RELEASED"));
        assertThat(reserved(k.cheese())).isZero();
        assertThat(onHand(k.cheese())).isEqualTo(2000);
        assertThat(Db.movements(k.cheese(), "RELEASE")).isEqualTo(1);

        UUID commit = bus.send(new CommitReservation(order), order);
        bus.send(new ReserveStock(order, List.of(line(k.mozzarella(), 4))), order);
        eventually(() -> Db.applied(commit) && bus.replies(order).size() == 2);
        assertThat((StockRejected) Bus.payload(bus.replies(order).get(1)))
                .isEqualTo(new StockRejected(order, "CANCELLED", List.of()));
        assertThat(Db.reservationState(order)).isEqualTo("RELEASED");
        assertThat(Db.movements(k.cheese(), "SALE")).isZero();
        assertThat(onHand(k.cheese())).isEqualTo(2000);
        ledgerAddsUp(k.cheese(), k.dough());
    }

    @Test
    void aReleaseThatOvertakesItsReservationMakesTheReservationBeRefused() throws Exception {
        Kitchen k = kitchen(2000, 10);
        UUID order = UUID.randomUUID();

        bus.send(new ReleaseReservation(order, "CANCELLED_BY_CUSTOMER"), order);
        eventually(() -> Db.reservationState(order).equals("RELEASED"));
        bus.send(new ReserveStock(order, List.of(line(k.margherita(), 1))), order);

        assertThat(bus.awaitReply(order)).isEqualTo(new StockRejected(order, "CANCELLED", List.of()));
        assertThat(reserved(k.cheese())).isZero();
        assertThat(Db.movements(k.cheese(), "RESERVE")).isZero();
    }

    @Test
    void aRepeatedReserveStockWithANewMessageIdHoldsOnce() throws Exception {
        Kitchen k = kitchen(2000, 10);
        UUID order = UUID.randomUUID();
        ReserveStock command = new ReserveStock(order, List.of(line(k.margherita(), 2)));

        UUID first = bus.send(command, order);
        UUID second = bus.send(command, order);

        assertThat(first).isNotEqualTo(second);
        eventually(() -> bus.replies(order).size() == 2);
        var answers = bus.replies(order).stream().map(Bus::payload).toList();
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isInstanceOf(StockReserved.class));
        assertThat(answers.get(0)).isEqualTo(answers.get(1));
        assertThat(reserved(k.cheese())).isEqualTo(400);
        assertThat(reserved(k.dough())).isEqualTo(2);
        assertThat(Db.movements(k.cheese(), "RESERVE")).isEqualTo(1);
        ledgerAddsUp(k.cheese(), k.dough());
    }

    @Test
    void aHoldNobodyConfirmsExpiresAndIsGivenBack() throws Exception {
        Kitchen k = kitchen(2000, 10);
        UUID order = UUID.randomUUID();
        bus.send(new ReserveStock(order, List.of(line(k.margherita(), 1))), order);
        StockReserved reserved = (StockReserved) bus.awaitReply(order);
        assertThat(reserved(k.cheese())).isEqualTo(200);

        await("the sweeper expires the hold").atMost(Duration.ofSeconds(TTL_SECONDS + 15))
                .until(() -> Db.reservationState(order).equals("EXPIRED"));

        assertThat(Instant.now()).isAfterOrEqualTo(reserved.expiresAt());
        assertThat(reserved(k.cheese())).isZero();
        assertThat(reserved(k.dough())).isZero();
        assertThat(Db.movements(k.cheese(), "EXPIRE")).isEqualTo(1);
        bus.send(new ReserveStock(order, List.of(line(k.margherita(), 1))), order);
        eventually(() -> bus.replies(order).size() == 2);
        assertThat(Bus.payload(bus.replies(order).get(1))).as("a hold is not renewed by asking again")
                .isEqualTo(new StockRejected(order, "EXPIRED", List.of()));
        assertThat(reserved(k.cheese())).isZero();
        ledgerAddsUp(k.cheese(), k.dough());
    }

    /** Reserves and waits until the sweeper has expired the hold: the confirmation comes too late. */
    void heldThenExpired(UUID order, ReserveStock.Line... lines) throws Exception {
        hold(order, lines);
        await("the sweeper expires the hold").atMost(Duration.ofSeconds(TTL_SECONDS + 15))
                .until(() -> Db.reservationState(order).equals("EXPIRED"));
    }

    double outcomes(String outcome) {
        return api.metric("stock_reservations_total", "outcome=\"" + outcome + "\"").orElse(0.0);
    }

    @Test
    void aConfirmationAfterTheHoldExpiredHoldsAgainWhenItCanAndSells() throws Exception {
        Kitchen k = kitchen(2000, 10);
        UUID order = UUID.randomUUID();
        heldThenExpired(order, line(k.margherita(), 2));
        assertThat(reserved(k.cheese())).isZero();
        double recommittedBefore = outcomes("recommitted");

        UUID commit = UUID.randomUUID();
        bus.send(new CommitReservation(order), order, commit);

        eventually(() -> Db.applied(commit));
        assertThat(Db.reservationState(order)).isEqualTo("COMMITTED");
        assertThat(Db.movementReasons(k.cheese(), "RESERVE")).as("the original hold, then the second one")
                .containsExactly("held for the order", "held again for a confirmation that came after the hold expired");
        assertThat(Db.movements(k.dough(), "RESERVE")).isEqualTo(2);
        await("the sale is settled").atMost(Duration.ofSeconds(30)).until(() -> Db.movements(k.cheese(), "SALE") == 1);
        assertBalance(k.cheese()).containsExactly(1600L, 0L);
        assertBalance(k.dough()).containsExactly(8L, 0L);
        ledgerAddsUp(k.cheese(), k.dough());
        eventuallyAsserted(() ->
                assertThat(outcomes("recommitted")).isEqualTo(recommittedBefore + 1));

        // the broker redelivers the very message, and orders' sweeper or relay sends the command once more
        bus.send(new CommitReservation(order), order, commit);
        UUID again = bus.send(new CommitReservation(order), order);
        eventually(() -> Db.applied(again));
        assertThat(Db.movements(k.cheese(), "RESERVE")).as("never held twice").isEqualTo(2);
        assertThat(Db.movements(k.cheese(), "SALE")).as("never sold twice").isEqualTo(1);
        assertBalance(k.cheese()).containsExactly(1600L, 0L);
        assertThat(Db.sent(order)).as("nothing to tell orders: only the first StockReserved").containsExactly("StockReserved");
        assertThat(outcomes("recommitted")).isEqualTo(recommittedBefore + 1);
        ledgerAddsUp(k.cheese(), k.dough());
    }

    @Test
    void aConfirmationAfterTheHoldExpiredWhenAnotherOrderTookTheStockIsAnsweredReservationLost() throws Exception {
        Kitchen k = kitchen(500, 10);
        UUID late = UUID.randomUUID();
        heldThenExpired(late, line(k.margherita(), 2));
        UUID other = UUID.randomUUID();
        bus.send(new ReserveStock(other, List.of(line(k.margherita(), 2))), other);
        assertThat(bus.awaitReply(other)).as("the expired hold's cheese went to another order")
                .isInstanceOf(StockReserved.class);
        double lostBefore = outcomes("lost");

        bus.send(new CommitReservation(late), late);

        eventually(() -> bus.replies(late).size() == 2);
        ReservationLost lost = (ReservationLost) Bus.payload(bus.replies(late).get(1));
        assertThat(lost).isEqualTo(new ReservationLost(late, "EXPIRED",
                List.of(new StockRejected.Shortage(k.cheese(), 400, 100, "Ingredient " + k.cheese()))));
        assertThat(Db.reservationState(late)).isEqualTo("LOST");
        assertBalance(k.cheese()).as("only the other order's hold").containsExactly(500L, 400L);
        assertBalance(k.dough()).containsExactly(10L, 2L);
        assertThat(Db.movements(k.dough(), "RESERVE")).as("all or nothing: the dough was not held either").isEqualTo(2);
        eventuallyAsserted(() -> assertThat(outcomes("lost")).isEqualTo(lostBefore + 1));

        UUID again = bus.send(new CommitReservation(late), late);
        eventually(() -> Db.applied(again) && bus.replies(late).size() == 3);
        assertThat(Bus.payload(bus.replies(late).get(2))).as("asked again, the same answer").isEqualTo(lost);
        assertThat(Db.balance(k.cheese()).reserved()).isEqualTo(400);
        assertThat(Db.movements(k.cheese(), "RESERVE")).isEqualTo(2);
        assertThat(outcomes("lost")).as("lost once").isEqualTo(lostBefore + 1);
        ledgerAddsUp(k.cheese(), k.dough());

        // once the other order is gone, the stock is back, but a lost confirmation stays lost: orders has cancelled it
        bus.send(new ReleaseReservation(other, "PAYMENT_DECLINED"), other);
        eventually(() -> reserved(k.cheese()) == 0);
        UUID afterRelease = bus.send(new CommitReservation(late), late);
        eventually(() -> Db.applied(afterRelease) && bus.replies(late).size() == 4);
        assertThat(Bus.payload(bus.replies(late).get(3))).isEqualTo(lost);
        assertThat(Db.movements(k.cheese(), "SALE")).isZero();
        assertBalance(k.cheese()).containsExactly(500L, 0L);
        ledgerAddsUp(k.cheese(), k.dough());
    }

    @Test
    void aConfirmationThatComesAfterItsOrderWasCancelledHoldsNothingAgain() throws Exception {
        Kitchen k = kitchen(2000, 10);
        UUID order = UUID.randomUUID();
        heldThenExpired(order, line(k.margherita(), 1));

        // an admin cancelled the confirmed order, and the release overtook the confirmation
        UUID release = bus.send(new ReleaseReservation(order, "CANCELLED_BY_ADMIN"), order);
        eventually(() -> Db.applied(release));
        UUID commit = bus.send(new CommitReservation(order), order);
        eventually(() -> Db.applied(commit));

        assertThat(Db.reservationState(order)).isEqualTo("RELEASED");
        assertThat(Db.movements(k.cheese(), "RESERVE")).isEqualTo(1);
        assertBalance(k.cheese()).containsExactly(2000L, 0L);
        assertThat(Db.sent(order)).as("orders has cancelled it: nothing to tell").containsExactly("StockReserved");
        ledgerAddsUp(k.cheese(), k.dough());
    }

    @Test
    void theSafetyBufferIsKeptWhenAnExpiredHoldIsHeldAgain() throws Exception {
        String cheese = api.ingredient("MUCARELA", 1000, 0, 300);
        UUID pizza = UUID.fromString(api.product("Quatro Queijos", Api.recipe(cheese, 400)));
        UUID late = UUID.randomUUID();
        heldThenExpired(late, line(pizza, 1));
        api.move(cheese, "WASTE", 400, "dropped on the floor").expect(201);

        bus.send(new CommitReservation(late), late);

        eventually(() -> bus.replies(late).size() == 2);
        assertThat(Bus.payload(bus.replies(late).get(1)))
                .isEqualTo(new ReservationLost(late, "EXPIRED", List.of(new StockRejected.Shortage(cheese, 400, 300, "Ingredient " + cheese))));
        assertBalance(cheese).containsExactly(600L, 0L);
        ledgerAddsUp(cheese);
    }

    @Test
    void aConfirmationOfAnOrderStockNeverHeldIsAnsweredReservationLostAndItsLateReservationRefused() throws Exception {
        Kitchen k = kitchen(2000, 10);
        UUID order = UUID.randomUUID();

        bus.send(new CommitReservation(order), order);

        assertThat(bus.awaitReply(order)).isEqualTo(new ReservationLost(order, "NO_RESERVATION", List.of()));
        assertThat(Db.reservationState(order)).isEqualTo("LOST");
        bus.send(new ReserveStock(order, List.of(line(k.margherita(), 1))), order);
        eventually(() -> bus.replies(order).size() == 2);
        assertThat(Bus.payload(bus.replies(order).get(1))).isEqualTo(new StockRejected(order, "NO_RESERVATION", List.of()));
        assertThat(reserved(k.cheese())).isZero();
        assertThat(Db.movements(k.cheese(), "RESERVE")).isZero();
    }

    @Test
    void unknownInactiveOr86dProductsAreRejected() throws Exception {
        Kitchen k = kitchen(2000, 10);
        api.post("stock/products/" + k.mozzarella() + "/sold-out", api.admin, null).expect(204);
        UUID unknown = UUID.randomUUID();
        UUID eightySixed = UUID.randomUUID();
        UUID nonsense = UUID.randomUUID();

        bus.send(new ReserveStock(unknown, List.of(line(UUID.randomUUID(), 1), line(k.margherita(), 1))), unknown);
        bus.send(new ReserveStock(eightySixed, List.of(line(k.margherita(), 1), line(k.mozzarella(), 1))), eightySixed);
        bus.send(new ReserveStock(nonsense, List.of(line(k.margherita(), 0))), nonsense);

        assertThat(bus.awaitReply(unknown)).isEqualTo(new StockRejected(unknown, "PRODUCT_UNAVAILABLE", List.of()));
        assertThat(bus.awaitReply(eightySixed)).isEqualTo(new StockRejected(eightySixed, "PRODUCT_UNAVAILABLE", List.of()));
        assertThat(bus.awaitReply(nonsense)).isEqualTo(new StockRejected(nonsense, "INVALID_REQUEST", List.of()));
        assertThat(reserved(k.cheese())).isZero();
    }
}
