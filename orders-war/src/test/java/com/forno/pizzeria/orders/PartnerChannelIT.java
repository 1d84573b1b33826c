package com.forno.pizzeria.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.orders.Partner.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partners ordering over the broker, with stock and payments played by {@link Neighbours}: each test has a partner
 * of its own, which orders starts consuming once it is listed, and which talks plain AMQP.
 */
class PartnerChannelIT extends AmongNeighbours {

    Partner partner;

    @BeforeEach
    void setUp() {
        partner = Partner.create();
    }

    /**
     * One order through every part first: on a cold instance of a busy machine the first message's round trip can
     * outlast the saga's 3 s stock timeout of these tests, which would turn the first test's verdict into EXPIRED.
     */
    @BeforeAll
    static void warmUp() {
        var neighbours = Neighbours.get();
        var partner = Partner.create();
        var pizza = neighbours.product("Aquecimento", 1000);
        String id = "warm-up-" + UUID.randomUUID();
        partner.send("PlaceOrder", id, Partner.placeOrder(id, Partner.prepaid(2000), pizza.id()));
        await().atMost(Duration.ofSeconds(90)).until(() -> partner.repliesAbout(id).stream()
                .anyMatch(reply -> !reply.type().equals("OrderStatusChanged")));
    }

    @Test
    void aPrepaidOrderIsConfirmedOnHeldStockWithoutACardAuthorisation() {
        var pizza = neighbours.product("Margherita", 4500);
        String id = "ifood-" + UUID.randomUUID();

        partner.send("PlaceOrder", id, Partner.placeOrder(id, Partner.prepaid(9000), pizza.id()));

        Reply accepted = finalReply(id);
        assertThat(accepted.type()).isEqualTo("OrderAccepted");
        assertThat(accepted.messageId()).isNotBlank();
        assertThat(accepted.body().getString("partnerOrderId")).isEqualTo(id);
        String orderId = accepted.body().getString("orderId");
        assertThat(types(id)).containsExactly("OrderStatusChanged", "OrderAccepted");
        assertThat(partner.repliesAbout(id).get(0).body().getString("status")).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(neighbours.sentTypes(orderId))
                .contains("ReserveStock", "OrderCreated", "OrderConfirmed")
                .doesNotContain("AuthorizePayment", "CommitReservation", "CapturePayment", "VoidPayment"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(neighbours.queuesReached(orderId, MessageType.ORDER_CONFIRMED))
                .as("the confirmation commits the stock").contains("stock.commands"));
        assertThat(partner.orders(id)).isEqualTo(1);
        // the staff see it on the read side as a partner's order; the partner's metrics count it
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.get("orders?channel=PARTNER&q=" + orderId, Api.admin()).expect(200)
                .json().getJsonArray("items")).singleElement()
                .satisfies(order -> assertThat(order.asJsonObject().getString("id")).isEqualTo(orderId)));
        assertThat(api.get("orders?channel=WEB&q=" + orderId, Api.admin()).expect(200).json().getInt("total")).isZero();
        assertThat(api.metric("partner_orders_accepted_total", "partner=\"" + partner.name + "\"")).isEqualTo(1.0);
        assertThat(api.metric("partner_messages_received_total", "partner=\"" + partner.name + "\"")).isEqualTo(1.0);
    }

    @Test
    void aCardOrderIsAuthorisedThenConfirmedAndEveryStepIsToldInOrder() {
        var pizza = neighbours.product("Calabresa", 5490);
        String id = "pos-" + UUID.randomUUID();

        partner.send("PlaceOrder", id, Partner.placeOrder(id, Partner.card("tok_approved"), pizza.id()));

        assertThat(finalReply(id).type()).isEqualTo("OrderAccepted");
        assertThat(types(id)).containsExactly("OrderStatusChanged", "OrderStatusChanged", "OrderAccepted");
        assertThat(partner.repliesAbout(id).get(1).body().getString("status")).isEqualTo("AWAITING_PAYMENT");
        String orderId = finalReply(id).body().getString("orderId");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(neighbours.sentTypes(orderId))
                .contains("AuthorizePayment", "OrderConfirmed"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(neighbours.queuesReached(orderId, MessageType.ORDER_CONFIRMED))
                .contains("stock.commands", "payments.commands"));
    }

    @Test
    void outOfStockIsRejectedWithTheShortagesAndNeverCharged() {
        var pizza = neighbours.product("Quatro Queijos", 6290);
        neighbours.shortProducts.add(pizza.id());
        String id = "ifood-" + UUID.randomUUID();

        partner.send("PlaceOrder", id, Partner.placeOrder(id, Partner.card("tok_approved"), pizza.id()));

        Reply rejected = finalReply(id);
        assertThat(rejected.type()).isEqualTo("OrderRejected");
        assertThat(rejected.body().getString("reason")).isEqualTo("OUT_OF_STOCK");
        assertThat(rejected.body().getJsonArray("shortages").getJsonObject(0).getString("sku")).isEqualTo("MOZZARELLA");
        String orderId = rejected.body().getString("orderId");
        await().atMost(Duration.ofSeconds(60)).during(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(neighbours.sentTypes(orderId))
                .contains("ReserveStock").doesNotContain("AuthorizePayment", "CapturePayment"));
    }

    @Test
    void aPrepaidAmountThatIsNotTheMenusTotalIsRefusedAndNoOrderIsMade() {
        var pizza = neighbours.product("Portuguesa", 5890);
        String id = "ifood-" + UUID.randomUUID();

        partner.send("PlaceOrder", id, Partner.placeOrder(id, Partner.prepaid(2 * 5890 - 1), pizza.id()));

        Reply rejected = finalReply(id);
        assertThat(rejected.type()).isEqualTo("OrderRejected");
        assertThat(rejected.body().getString("reason")).isEqualTo("PRICE_MISMATCH");
        assertThat(rejected.body().containsKey("orderId")).isFalse();
        assertThat(partner.orders(id)).isZero();
    }

    @Test
    void badMessagesAreAnsweredInvalidOrDeadLetteredAndTheChannelKeepsFlowing() throws Exception {
        var pizza = neighbours.product("Napolitana", 4990);
        String notJson = "bad-" + UUID.randomUUID();
        String noCustomer = "bad-" + UUID.randomUUID();
        String unknownProduct = "bad-" + UUID.randomUUID();
        String zero = "bad-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();

        partner.send("PlaceOrder", notJson, "{\"partnerOrderId\": \"" + notJson + "\", items: [");
        partner.send("PlaceOrder", noCustomer, Partner.placeOrder(noCustomer, Partner.prepaid(9980), pizza.id())
                .replaceFirst("\"customer\":\\{[^}]*\\},", ""));
        partner.send("PlaceOrder", unknownProduct, Partner.placeOrder(unknownProduct, Partner.prepaid(100),
                UUID.randomUUID()));
        partner.send("PlaceOrder", zero, Partner.placeOrder(zero, Partner.prepaid(0), pizza.id())
                .replace("\"quantity\":2", "\"quantity\":0"));
        partner.send("PlaceOrder", null, "not json, and no order named");
        partner.send("PlaceOrder", good, Partner.placeOrder(good, Partner.prepaid(9980), pizza.id()));

        assertThat(violations(notJson)).containsExactly("");
        assertThat(violations(noCustomer)).containsExactly("customer");
        assertThat(violations(unknownProduct)).containsExactly("items[0].productId");
        assertThat(violations(zero)).contains("items[0].quantity", "payment.amountCents");
        assertThat(finalReply(good).type()).isEqualTo("OrderAccepted");
        AtomicReference<Partner.DeadLetter> dead = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dead.set(partner.deadLetter());
            return dead.get() != null;
        });
        assertThat(dead.get().body()).isEqualTo("not json, and no order named");
        assertThat(String.valueOf(dead.get().headers().get("reason"))).contains("not valid JSON");
        for (String refused : List.of(notJson, noCustomer, unknownProduct, zero)) {
            assertThat(partner.orders(refused)).as(refused).isZero();
        }
    }

    @Test
    void aPlaceOrderRedeliveredAndRepeatedConcurrentlyIsOneOrderWithOneFinalReply() throws Exception {
        var pizza = neighbours.product("Frango com Catupiry", 5690);
        String id = "ifood-" + UUID.randomUUID();
        String body = Partner.placeOrder(id, Partner.prepaid(2 * 5690), pizza.id());
        String messageId = UUID.randomUUID().toString();

        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // the same message twice (a redelivery) and fresh copies (the partner retrying), at once
            String sentAs = i < 2 ? messageId : UUID.randomUUID().toString();
            Thread sender = new Thread(() -> partner.send("PlaceOrder", sentAs, id, body));
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }

        assertThat(finalReply(id).type()).isEqualTo("OrderAccepted");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(types(id)).containsExactly("OrderStatusChanged", "OrderAccepted"));
        assertThat(partner.orders(id)).isEqualTo(1);
    }

    @Test
    void cancelOrderCancelsAsTheCustomerWouldAndIsTooLateOnceConfirmed() {
        var slow = neighbours.product("Pepperoni", 5990);
        neighbours.silentProducts.add(slow.id());
        var quick = neighbours.product("Muçarela", 4290);
        String pending = "ifood-" + UUID.randomUUID();
        String confirmed = "ifood-" + UUID.randomUUID();
        partner.send("PlaceOrder", pending, Partner.placeOrder(pending, Partner.prepaid(2 * 5990), slow.id()));
        partner.send("PlaceOrder", confirmed, Partner.placeOrder(confirmed, Partner.prepaid(2 * 4290), quick.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !partner.repliesAbout(pending).isEmpty());
        assertThat(finalReply(confirmed).type()).isEqualTo("OrderAccepted");

        partner.send("CancelOrder", pending, "{\"partnerOrderId\": \"" + pending + "\"}");
        partner.send("CancelOrder", confirmed, "{\"partnerOrderId\": \"" + confirmed + "\"}");

        Reply cancelled = finalReply(pending);
        assertThat(cancelled.type()).isEqualTo("OrderRejected");
        assertThat(cancelled.body().getString("reason")).isEqualTo("CANCELLED_BY_CUSTOMER");
        String orderId = cancelled.body().getString("orderId");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(neighbours.sentTypes(orderId)).contains("ReleaseReservation")
                .doesNotContain("VoidPayment"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(types(confirmed)).last().isEqualTo("OrderStatusChanged"));
        var refused = partner.repliesAbout(confirmed).get(partner.repliesAbout(confirmed).size() - 1).body();
        assertThat(refused.getString("status")).isEqualTo("CONFIRMED");
        assertThat(refused.getString("reason")).isEqualTo("TOO_LATE_TO_CANCEL");
    }

    @Test
    void aCancelOrderThatOvertakesItsPlaceOrderMeansTheOrderIsNeverMade() {
        var pizza = neighbours.product("Alho e Óleo", 3990);
        String id = "ifood-" + UUID.randomUUID();

        partner.send("CancelOrder", id, "{\"partnerOrderId\": \"" + id + "\"}");
        Reply cancelled = finalReply(id);
        partner.send("PlaceOrder", id, Partner.placeOrder(id, Partner.prepaid(2 * 3990), pizza.id()));

        assertThat(cancelled.type()).isEqualTo("OrderRejected");
        assertThat(cancelled.body().getString("reason")).isEqualTo("CANCELLED_BY_CUSTOMER");
        assertThat(cancelled.body().containsKey("orderId")).isFalse();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.metric(
                "partner_messages_received_total", "partner=\"" + partner.name + "\"")).isGreaterThanOrEqualTo(2.0));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(types(id)).containsExactly("OrderRejected");
            assertThat(partner.orders(id)).isZero();
        });
    }

    /** The one final reply (OrderAccepted or OrderRejected) about this partner order, once it came. */
    private Reply finalReply(String partnerOrderId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> partner.repliesAbout(partnerOrderId).stream()
                .anyMatch(reply -> !reply.type().equals("OrderStatusChanged")));
        List<Reply> finals = partner.repliesAbout(partnerOrderId).stream()
                .filter(reply -> !reply.type().equals("OrderStatusChanged")).toList();
        assertThat(finals).hasSize(1);
        return finals.get(0);
    }

    private List<String> types(String partnerOrderId) {
        return partner.repliesAbout(partnerOrderId).stream().map(Reply::type).toList();
    }

    private List<String> violations(String partnerOrderId) {
        Reply rejected = finalReply(partnerOrderId);
        assertThat(rejected.type()).isEqualTo("OrderRejected");
        assertThat(rejected.body().getString("reason")).isEqualTo("INVALID");
        return rejected.body().getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("field")).toList();
    }
}
