package com.forno.pizzeria.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.forno.pizzeria.contracts.payments.CapturePayment;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretsTest {

    static final UUID ORDER = UUID.fromString("6f1c2b1e-3a52-4c87-9a53-3f1d8e2a9b10");

    static String envelope(Record payload) {
        return Json.toJson(new Envelope(UUID.randomUUID(), MessageType.of(payload.getClass()).typeName(),
                ORDER.toString(), "req-1", Instant.parse("2026-12-01T19:00:00Z"), Json.toJsonObject(payload)));
    }

    @Test
    void aCardTokenIsBlankedAndEverythingElseOfTheEnvelopeKept() {
        String json = envelope(new AuthorizePayment(ORDER, UUID.randomUUID(), 10980, "BRL", "tok_4242"));

        String redacted = Secrets.redact(json, "AuthorizePayment");

        assertThat(redacted).doesNotContain("tok_4242");
        Envelope before = Json.fromJson(json, Envelope.class);
        Envelope after = Json.fromJson(redacted, Envelope.class);
        assertThat(after.payload().getString("cardToken")).isEqualTo(Secrets.REDACTED);
        assertThat(after.payload().getJsonNumber("amountCents").longValue()).isEqualTo(10980);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.correlationId()).isEqualTo(before.correlationId());
        assertThat(after.requestId()).isEqualTo("req-1");
        assertThat(after.occurredAt()).isEqualTo(before.occurredAt());
    }

    @Test
    void aMessageWithoutSecretsIsLeftExactlyAsItWas() {
        String json = envelope(new CapturePayment(ORDER));

        assertThat(Secrets.redact(json, "CapturePayment")).isSameAs(json);
        assertThat(Secrets.carries("CapturePayment")).isFalse();
    }

    @Test
    void onlyTypesThatDeclareASecretCarryOne() {
        assertThat(Secrets.carries("AuthorizePayment")).isTrue();
        assertThat(Secrets.carries("Probe")).as("a type the contracts do not know").isFalse();
        assertThat(Secrets.carries(null)).isFalse();
    }

    @Test
    void anEnvelopeWithoutAPayloadOrWithoutTheSecretFieldIsLeftAsItWas() {
        String noPayload = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"AuthorizePayment\"}";
        assertThat(Secrets.redact(noPayload, "AuthorizePayment")).isEqualTo(noPayload);

        String noToken = "{\"type\":\"AuthorizePayment\",\"payload\":{\"amountCents\":10}}";
        assertThat(Json.fromJson(Secrets.redact(noToken, "AuthorizePayment"), Envelope.class).payload())
                .doesNotContainKey("cardToken");
    }
}
