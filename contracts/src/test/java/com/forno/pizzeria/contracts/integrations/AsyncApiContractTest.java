package com.forno.pizzeria.contracts.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code integrations/asyncapi.yaml} is the partners' contract: each message's JSON Schema accepts the golden samples
 * in {@code integrations/samples}, which are exactly what the code sends (the records through {@link Json}, as orders'
 * and stock's outboxes write them) and what orders accepts (its own test reads the same samples); a sample that
 * breaks a rule is refused by the schema too.
 */
class AsyncApiContractTest {

    static final Path INTEGRATIONS = Path.of("..", "integrations");
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNode DOCUMENT = read(INTEGRATIONS.resolve("asyncapi.yaml"), new ObjectMapper(new YAMLFactory()));

    static final UUID ORDER = UUID.fromString("5b0f6a52-51a7-4d43-9a3c-0d2a1f6d9e01");
    static final UUID PRODUCT = UUID.fromString("0c8b2f1e-7a4d-4c2a-b1f3-2e6d5c4b3a21");

    @Test
    void isAnAsyncApi3DocumentWithTheResourcesPartnersAreGiven() {
        assertThat(DOCUMENT.path("asyncapi").asText()).isEqualTo("3.0.0");
        String any = "x";
        assertThat(DOCUMENT.at("/channels/inbound/address").asText())
                .isEqualTo(Partners.inbound(any).replace(".x.", ".{partner}."));
        assertThat(DOCUMENT.at("/channels/replies/address").asText())
                .isEqualTo(Partners.replies(any).name().replace(".x.", ".{partner}."));
        assertThat(DOCUMENT.at("/channels/events/address").asText())
                .isEqualTo(Partners.events(any).name().replace(".x.", ".{partner}."));
        for (String message : List.of("PlaceOrder", "CancelOrder", "OrderAccepted", "OrderRejected",
                "OrderStatusChanged", "ProductAvailabilityChanged")) {
            assertThat(DOCUMENT.at("/components/messages/" + message + "/payload/$ref").asText())
                    .isEqualTo("#/components/schemas/" + message);
            assertThat(DOCUMENT.at("/components/messages/" + message + "/bindings/amqp/messageType").asText())
                    .isEqualTo(message);
        }
        assertThat(DOCUMENT.at("/channels/inbound/messages").has(Partners.PLACE_ORDER)).isTrue();
        assertThat(DOCUMENT.at("/channels/inbound/messages").has(Partners.CANCEL_ORDER)).isTrue();
    }

    @Test
    void whatPartnersSendIsValid() {
        for (String sample : List.of("place-order-prepaid", "place-order-card")) {
            assertThat(validate("PlaceOrder", sample).isSuccess()).as(sample).isTrue();
        }
        assertThat(validate("CancelOrder", "cancel-order").isSuccess()).isTrue();
        // read back into the records the contract documents
        var order = Json.fromJson(sample("place-order-prepaid").toString(), PlaceOrder.class);
        assertThat(order.payment().amountCents()).isEqualTo(11_770);
        assertThat(order.items()).hasSize(2);
    }

    @Test
    void aMessageThatBreaksARuleIsRefusedByTheSchemaToo() {
        ProcessingReport report = validate("PlaceOrder", "place-order-quantity-zero");
        assertThat(report.isSuccess()).isFalse();
        assertThat(report.toString()).contains("/items/0/quantity");
    }

    @Test
    void whatThePizzeriaSendsIsTheGoldenSamplesAndValid() {
        assertSent("OrderAccepted", "order-accepted", new OrderAccepted("ifood-7781", ORDER));
        assertSent("OrderRejected", "order-rejected-invalid", new OrderRejected("ifood-7782", null,
                OrderRejected.INVALID, List.of(new OrderRejected.Violation("items[0].quantity",
                "must be between 1 and 20")), null));
        assertSent("OrderRejected", "order-rejected-out-of-stock", new OrderRejected("ifood-7783",
                UUID.fromString("5b0f6a52-51a7-4d43-9a3c-0d2a1f6d9e02"), "OUT_OF_STOCK", null,
                List.of(new Shortage("MOZZARELLA", 400, 150, "Muçarela"))));
        assertSent("OrderStatusChanged", "order-status-changed", new OrderStatusChanged("ifood-7781", ORDER,
                "OUT_FOR_DELIVERY", null, Instant.parse("2026-12-07T19:42:10.123456Z")));
        assertSent("ProductAvailabilityChanged", "product-availability-changed",
                new ProductAvailabilityChanged(PRODUCT, "Calabresa", 0, true, Instant.parse("2026-12-07T19:40:00Z")));
    }

    @Test
    void aReplyMissingARequiredFieldIsRefused() {
        ObjectNode accepted = (ObjectNode) sample("order-accepted").deepCopy();
        accepted.remove("orderId");
        assertThat(validate("OrderAccepted", accepted).isSuccess()).isFalse();
        ObjectNode rejected = (ObjectNode) sample("order-rejected-invalid").deepCopy();
        rejected.put("reason", "BECAUSE");
        assertThat(validate("OrderRejected", rejected).isSuccess()).isFalse();
    }

    private static void assertSent(String message, String sample, Record sent) {
        JsonNode wire = read(Json.toJson(sent));
        assertThat(wire).as("%s as sent", sample).isEqualTo(sample(sample));
        assertThat(validate(message, wire).isSuccess()).as("%s valid", sample).isTrue();
    }

    private static ProcessingReport validate(String message, String sample) {
        return validate(message, sample(sample));
    }

    /** The instance against the message's schema, its references resolved in the document's components. */
    private static ProcessingReport validate(String message, JsonNode instance) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "http://json-schema.org/draft-04/schema#");
        root.put("$ref", "#/components/schemas/" + message);
        root.set("components", DOCUMENT.get("components"));
        try {
            return JsonSchemaFactory.byDefault().getJsonSchema(root).validate(instance, true);
        } catch (com.github.fge.jsonschema.core.exceptions.ProcessingException e) {
            throw new IllegalStateException("the schema of " + message + " does not load", e);
        }
    }

    private static JsonNode sample(String name) {
        return read(INTEGRATIONS.resolve("samples").resolve(name + ".json"), JSON);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file, ObjectMapper mapper) {
        try {
            return mapper.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

}
