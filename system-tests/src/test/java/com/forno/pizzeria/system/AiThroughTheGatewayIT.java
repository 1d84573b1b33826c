package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Recommendations and the admin chatbot on the running stack with the demo menu, through nginx. */
class AiThroughTheGatewayIT {

    @Test
    void aCustomerGetsRecommendationsOfWhatCanBeMadeNowWithReasonsInPortuguese() {
        var customer = Gateway.newCustomer("Paula");
        Set<String> sellable = Gateway.get("stock/menu", null).expect(200).value().asJsonArray().stream()
                .map(item -> item.asJsonObject())
                .filter(item -> !item.getBoolean("soldOut"))
                .map(item -> item.getString("productId")).collect(Collectors.toSet());

        JsonArray recommended = Gateway.get("recommendations/" + customer.id() + "?limit=5", customer.token())
                .expect(200).value().asJsonArray();

        assertThat(recommended).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        recommended.forEach(item -> {
            JsonObject recommendation = item.asJsonObject();
            assertThat(sellable).contains(recommendation.getString("productId"));
            assertThat(recommendation.getString("reason")).isNotBlank();
        });
        var stranger = Gateway.newCustomer("Quiteria");
        Gateway.get("recommendations/" + customer.id(), stranger.token()).problem(404);
        Gateway.get("recommendations/" + customer.id() + "?limit=21", customer.token()).problem(400);
    }

    @Test
    void theAdminAsksInPortugueseAndInEnglishAndCustomersMayNotAsk() {
        String admin = Gateway.admin();

        JsonObject pt = Gateway.post("chat", admin, question("Quantos pedidos falharam por falta de estoque esta semana?"))
                .expect(200).json();
        JsonObject en = Gateway.post("chat", admin, question("What were the best selling products this week?"))
                .expect(200).json();
        JsonObject unknown = Gateway.post("chat", admin, question("Qual é a previsão do tempo amanhã?")).expect(200).json();

        assertThat(pt.getString("intent")).isNotBlank();
        assertThat(pt.getString("answer")).isNotBlank();
        assertThat(en.getString("intent")).isNotBlank().isNotEqualTo(pt.getString("intent"));
        assertThat(unknown.getString("answer").toLowerCase()).contains("não sei");
        Gateway.post("chat", Gateway.newCustomer("Rui").token(), question("Quem são os melhores clientes?")).problem(403);
    }

    static JsonObject question(String text) {
        return Json.createObjectBuilder().add("question", text).build();
    }
}
