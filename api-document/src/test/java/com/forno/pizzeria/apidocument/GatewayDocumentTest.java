package com.forno.pizzeria.apidocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayDocumentTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = GatewayDocumentTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> services() throws IOException {
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("orders", fixture("orders.json"));
        documents.put("stock", fixture("stock.json"));
        return documents;
    }

    @Test
    void mergesTheServicesPathsUnderTheGatewayAlone() throws IOException {
        OpenAPI api = GatewayDocument.assemble(services(), "http://127.0.0.1:8080");

        assertThat(api.getServers()).singleElement().satisfies(s -> assertThat(s.getUrl()).isEqualTo("http://127.0.0.1:8080"));
        assertThat(api.getPaths()).containsOnlyKeys("/orders/{id}", "/stock/menu",
                "/orders/dead-letters", "/orders/dead-letters/{queue}/replay",
                "/stock/dead-letters", "/stock/dead-letters/{queue}/replay");
        assertThat(api.getTags()).extracting("name").containsExactly("Orders", "Dead letters", "Menu");
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("bearer", "oauth2");
        assertThat(api.getComponents().getSecuritySchemes().get("oauth2").getFlows().getPassword().getTokenUrl())
                .isEqualTo("/users/token");
        assertThat(api.getInfo().getDescription()).contains("/pedidos", "/usuarios", "/estoque", "/pagamentos");
    }

    @Test
    void documentsEachServicesDeadLettersForAdminsOnly() throws IOException {
        OpenAPI api = GatewayDocument.assemble(services(), "http://127.0.0.1:8080");

        var list = api.getPaths().get("/orders/dead-letters").getGet();
        assertThat(list.getOperationId()).isEqualTo("ordersDeadLettersList");
        assertThat(list.getSecurity()).isNotEmpty();
        assertThat(list.getResponses()).containsKeys("200", "401", "403", "503");
        var replay = api.getPaths().get("/stock/dead-letters/{queue}/replay").getPost();
        assertThat(replay.getOperationId()).isEqualTo("stockDeadLettersReplay");
        assertThat(replay.getResponses()).containsKeys("200", "401", "403", "404", "503");
        assertThat(replay.getResponses().get("404").getContent()).containsKey(DocumentChecks.PROBLEM_JSON);
        assertThat(api.getComponents().getSchemas()).containsKeys("DeadLetterQueue", "DeadLetter", "Replayed");
    }

    @Test
    void documentsTheGatewaysRateLimitOnTheCallsItLimits() throws IOException {
        Map<String, String> documents = services();
        documents.put("more", fixture("orders.json").replace("/orders/{id}", "/orders").replace("\"get\"", "\"post\"")
                .replace("ordersGet", "ordersPlace").replace(",\"parameters\":[{\"name\":\"id\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\",\"format\":\"uuid\"}}]", ""));

        OpenAPI api = GatewayDocument.assemble(documents, "http://127.0.0.1:8080");

        assertThat(api.getPaths().get("/orders").getPost().getResponses()).containsKey("429");
        assertThat(api.getPaths().get("/orders/{id}").getGet().getResponses()).doesNotContainKey("429");
    }

    @Test
    void givesASchemaNameTwoServicesUseDifferentlyTheLaterServicesPrefix() throws IOException {
        OpenAPI api = GatewayDocument.assemble(services(), "http://127.0.0.1:8080");

        assertThat(api.getComponents().getSchemas()).containsKeys("Item", "StockItem", "Problem").doesNotContainKey("StockProblem");
        assertThat(api.getPaths().get("/stock/menu").getGet().getResponses().get("200").getContent()
                .get("application/json").getSchema().getItems().get$ref()).isEqualTo("#/components/schemas/StockItem");
    }

    @Test
    void theAssembledDocumentPassesTheChecksInJsonAndYaml() throws IOException {
        OpenAPI api = GatewayDocument.assemble(services(), "http://127.0.0.1:8080");

        assertThat(DocumentChecks.faults(Json.pretty(api))).isEmpty();
        assertThat(DocumentChecks.faults(Yaml.pretty(api))).isEmpty();
    }

    @Test
    void refusesPayarasNonStandardEndpointsMember() throws IOException {
        assertThat(DocumentChecks.faults(fixture("payara-raw.json"))).anyMatch(f -> f.contains("endpoints"));

        Map<String, String> documents = Map.of("orders", fixture("payara-raw.json"));
        assertThatThrownBy(() -> GatewayDocument.assemble(documents, "http://127.0.0.1:8080"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("orders");
    }

    @Test
    void findsAnErrorWithoutTheProblemSchemaAndARepeatedTag() throws IOException {
        String broken = fixture("orders.json")
                .replace("\"application/problem+json\"", "\"text/html\"")
                .replace("\"tags\":[{\"name\":\"Orders\"}]", "\"tags\":[{\"name\":\"Orders\"},{\"name\":\"Orders\"}]");

        assertThat(DocumentChecks.faults(broken))
                .anyMatch(f -> f.contains("GET /orders/{id}: 404 is not described as application/problem+json"))
                .anyMatch(f -> f.contains("tag listed twice: Orders"));
    }

    @Test
    void takesRfc6749ErrorsAsOAuthErrorsButNoOtherErrorOutsideTheProblemSchema() {
        OpenAPI api = new OpenAPI().openapi("3.0.3").addServersItem(new Server().url("http://localhost:8080"))
                .paths(new Paths().addPathItem("/users/token", new PathItem().post(new Operation().operationId("token")
                        .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK"))
                                .addApiResponse("400", error("application/json", DocumentChecks.OAUTH_ERROR_REF))
                                .addApiResponse("415", error("application/json", DocumentChecks.PROBLEM_REF))
                                .addApiResponse("503", error(DocumentChecks.PROBLEM_JSON, DocumentChecks.PROBLEM_REF))))));

        assertThat(DocumentChecks.rules(api)).singleElement().asString()
                .startsWith("POST /users/token: 415 is not described as application/problem+json");
    }

    private static ApiResponse error(String mediaType, String schema) {
        return new ApiResponse().description("an error").content(new Content()
                .addMediaType(mediaType, new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref(schema))));
    }
}
