package com.forno.pizzeria.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.contracts.stock.ReservationLost;
import com.forno.pizzeria.contracts.stock.ReserveStock;
import com.forno.pizzeria.contracts.stock.StockRejected;
import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The wire form is a contract between separately deployed services: golden samples pin it. */
class EnvelopeJsonTest {

    static final UUID ORDER = UUID.fromString("5b0f6a52-51a7-4d43-9a3c-0d2a1f6d9e01");
    static final UUID PRODUCT = UUID.fromString("0c8b2f1e-7a4d-4c2a-b1f3-2e6d5c4b3a21");

    @Test
    void reserveStockEnvelopeMatchesTheGoldenSample() throws IOException {
        var envelope = new Envelope(UUID.fromString("9d3c1b2a-0f4e-4d5c-8b6a-7e8f9a0b1c2d"), "ReserveStock",
                ORDER.toString(), "req-42", Instant.parse("2026-11-29T18:30:00Z"),
                Json.toJsonObject(new ReserveStock(ORDER, List.of(new ReserveStock.Line(PRODUCT, 2)))));

        assertThat(parse(Json.toJson(envelope))).isEqualTo(parse(golden("reserve-stock.json")));
    }

    @Test
    void goldenSampleReadsBackIntoTheRecords() throws IOException {
        var envelope = Json.fromJson(golden("stock-rejected.json"), Envelope.class);

        assertThat(envelope.type()).isEqualTo(MessageType.STOCK_REJECTED.typeName());
        assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2026-11-29T18:30:01Z"));
        // a sample from before shortages named their ingredient: it still reads, without the name
        assertThat(envelope.payloadAs(StockRejected.class))
                .isEqualTo(new StockRejected(ORDER, "OUT_OF_STOCK", List.of(new Shortage("MOZZARELLA", 300, 120, null))));
    }

    @Test
    void reservationLostEnvelopeMatchesTheGoldenSampleAndReadsBack() throws IOException {
        var lost = new ReservationLost(ORDER, "EXPIRED", List.of(new Shortage("MOZZARELLA", 400, 150, "Mozzarella")));
        var envelope = new Envelope(UUID.fromString("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"),
                MessageType.of(ReservationLost.class).typeName(), ORDER.toString(), "req-42",
                Instant.parse("2026-11-29T18:45:00Z"), Json.toJsonObject(lost));

        assertThat(parse(Json.toJson(envelope))).isEqualTo(parse(golden("reservation-lost.json")));
        var read = Json.fromJson(golden("reservation-lost.json"), Envelope.class);
        assertThat(MessageType.named(read.type())).contains(MessageType.RESERVATION_LOST);
        assertThat(read.payloadAs(ReservationLost.class)).isEqualTo(lost);
    }

    @Test
    void unknownFieldsAreIgnoredSoContractsCanGrowAdditively() {
        var json = """
                {"orderId":"%s","lines":[{"productId":"%s","quantity":1,"note":"new field"}],"priority":"HIGH"}
                """.formatted(ORDER, PRODUCT);

        assertThat(Json.fromJson(json, ReserveStock.class).lines()).containsExactly(new ReserveStock.Line(PRODUCT, 1));
    }

    static jakarta.json.JsonValue parse(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    static String golden(String name) throws IOException {
        try (InputStream in = EnvelopeJsonTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
