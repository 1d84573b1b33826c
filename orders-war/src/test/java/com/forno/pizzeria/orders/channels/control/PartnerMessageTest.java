package com.forno.pizzeria.orders.channels.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.contracts.integrations.OrderRejected.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PartnerMessageTest {

    static final UUID PIZZA = UUID.fromString("0c8b2f1e-7a4d-4c2a-b1f3-2e6d5c4b3a21");
    static final String ADDRESS = "\"deliveryAddress\":{\"street\":\"Av. Paulista\",\"number\":\"1000\","
            + "\"district\":\"Bela Vista\",\"city\":\"São Paulo\",\"state\":\"SP\",\"postalCode\":\"01310-100\"}";

    static String order(String items, String payment) {
        return "{\"partnerOrderId\":\"p-1\",\"items\":" + items + ",\"customer\":{\"name\":\"Ana\",\"phone\":\"11 9\"},"
                + ADDRESS + ",\"payment\":" + payment + "}";
    }

    @Test
    void readsAValidPrepaidPlaceOrder() {
        var message = PartnerMessage.read(null, null, order("[{\"productId\":\"" + PIZZA + "\",\"quantity\":2}]",
                "{\"method\":\"PREPAID\",\"amountCents\":9000}"));

        assertThat(message.valid()).isTrue();
        assertThat(message.type()).isEqualTo("PlaceOrder");
        assertThat(message.partnerOrderId()).isEqualTo("p-1");
        assertThat(message.order().prepaid()).isTrue();
        assertThat(message.order().amountCents()).isEqualTo(9000);
        assertThat(message.order().wanted()).singleElement().satisfies(w -> {
            assertThat(w.productId()).isEqualTo(PIZZA);
            assertThat(w.quantity()).isEqualTo(2);
        });
        assertThat(message.order().deliveryAddress().city()).isEqualTo("São Paulo");
    }

    /** The contract's golden samples (integrations/samples), read as orders reads what a partner sends. */
    @Test
    void acceptsTheContractsSamplesAndRefusesTheBrokenOne() throws Exception {
        Path samples = Path.of("..", "integrations", "samples");
        for (String valid : new String[] {"place-order-prepaid", "place-order-card"}) {
            var message = PartnerMessage.read("PlaceOrder", null, Files.readString(samples.resolve(valid + ".json")));
            assertThat(message.violations()).as(valid).isEmpty();
        }
        var cancel = PartnerMessage.read(null, null, Files.readString(samples.resolve("cancel-order.json")));
        assertThat(cancel.type()).isEqualTo("CancelOrder");
        assertThat(cancel.valid()).isTrue();
        var broken = PartnerMessage.read("PlaceOrder", null,
                Files.readString(samples.resolve("place-order-quantity-zero.json")));
        assertThat(broken.violations()).extracting(Violation::field).containsExactly("items[0].quantity");
    }

    @Test
    void aBodyWithOnlyAPartnerOrderIdIsACancelWhenTheTypeDidNotReachUs() {
        assertThat(PartnerMessage.read("BytesMessage", null, "{\"partnerOrderId\":\"p-1\"}").type())
                .isEqualTo("CancelOrder");
        assertThat(PartnerMessage.read("CancelOrder", null, "{\"partnerOrderId\":\"p-1\"}").valid()).isTrue();
    }

    @Test
    void namesEveryViolation() {
        var message = PartnerMessage.read("PlaceOrder", null, order(
                "[{\"productId\":\"nope\",\"quantity\":0},{\"productId\":\"" + PIZZA + "\",\"quantity\":1.5}]",
                "{\"method\":\"CASH\"}"));

        assertThat(message.valid()).isFalse();
        assertThat(message.partnerOrderId()).isEqualTo("p-1");
        assertThat(message.violations()).extracting(Violation::field).containsExactly(
                "items[0].productId", "items[0].quantity", "items[1].quantity", "payment.method");
    }

    @Test
    void invalidJsonIsTiedToTheCorrelationIdOrToNothing() {
        var tied = PartnerMessage.read("PlaceOrder", "p-9", "{\"partnerOrderId\":");
        assertThat(tied.untied()).isFalse();
        assertThat(tied.partnerOrderId()).isEqualTo("p-9");
        assertThat(tied.violations()).extracting(Violation::message).containsExactly("is not valid JSON");

        assertThat(PartnerMessage.read(null, null, "[1, 2]").untied()).isTrue();
        assertThat(PartnerMessage.read(null, null, "").untied()).isTrue();
    }

    @Test
    void anUnknownDeclaredTypeIsAViolation() {
        var message = PartnerMessage.read("RefundOrder", null, "{\"partnerOrderId\":\"p-1\"}");
        assertThat(message.violations()).extracting(Violation::field).containsExactly("type");
    }

    @Test
    void missingSectionsAreNamed() {
        var message = PartnerMessage.read(null, null, "{\"partnerOrderId\":\"p-1\",\"items\":[]}");
        assertThat(message.violations()).extracting(Violation::field)
                .containsExactly("items", "customer", "deliveryAddress", "payment");
    }
}
