package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.apidocument.DocumentChecks;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The API documents a client generator reads: the gateway's {@code /openapi} (JSON and YAML) and each service's
 * {@code /<service>/openapi} are valid OpenAPI by swagger-parser and the project's rules (DocumentChecks), the
 * gateway's lists every call of API.md with the statuses API.md gives it, and every documented operation, called
 * by nobody, a customer, the kitchen and an admin, reaches a service that answers with a status the document lists.
 */
class ApiDocumentIT {

    static final String GATEWAY = Gateway.BASE.toString().replaceAll("/$", "");
    static final List<String> SERVICE_DOCUMENTS = List.of("users/openapi", "orders/openapi", "stock/openapi",
            "payments/openapi", "ai/openapi");
    /**
     * The sections of API.md whose calls are HTTP calls of the gateway (Web's are pages, the integrations' are
     * messages).
     */
    static final Set<String> BUILT = Set.of("Users", "Sign-in as an OAuth 2.0 provider (issue \"accounts\")",
            "Stock and menu", "Orders", "Payments", "AI", "Reports: the read side of orders (issue \"reports\")");
    /**
     * The document as committed (api-document/openapi.json and .yaml), which the web app's client is type-checked
     * against in its build: it must be the live one, so that an API change the document does not show fails here.
     */
    static final Path COMMITTED = Path.of(System.getProperty("pizzeria.api.document.dir", "../api-document"));
    /** The server the committed document names: the gateway of `bin/pizzeria up`. */
    static final String COMMITTED_SERVER = "http://localhost:8080";
    static final String FORM = "application/x-www-form-urlencoded";
    static final Pattern CALL = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/[^`?\\s]*)");
    static final Pattern STATUS = Pattern.compile("\\b([1-5]\\d\\d)\\b");

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Raw(int status, String type, String body) {
    }

    static Raw send(String method, String path, String accept, String body) throws IOException, InterruptedException {
        return send(method, path, accept, null, body);
    }

    static Raw send(String method, String path, String accept, String token, String body) throws IOException, InterruptedException {
        return send(method, path, accept, token, "application/json", body);
    }

    static Raw send(String method, String path, String accept, String token, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Observed.record(method, URI.create(GATEWAY + path), response.statusCode());
        return new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    static OpenAPI gatewayDocument() throws IOException, InterruptedException {
        Raw raw = send("GET", "/openapi", "application/json", null);
        assertThat(raw.status()).as(raw.body()).isEqualTo(200);
        return DocumentChecks.parse(raw.body()).getOpenAPI();
    }

    @Test
    void everyPublishedDocumentIsValidOpenApiWithTheGatewayAsServer() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        List<String[]> documents = new ArrayList<>();
        documents.add(new String[] {"/openapi", null, "application/json"});
        documents.add(new String[] {"/openapi", "application/json", "application/json"});
        documents.add(new String[] {"/openapi", "application/yaml", "application/yaml"});
        documents.add(new String[] {"/openapi.yaml", null, "application/yaml"});
        documents.add(new String[] {"/openapi.json", null, "application/json"});
        for (String service : SERVICE_DOCUMENTS) {
            documents.add(new String[] {"/" + service, "application/json", "application/json"});
            documents.add(new String[] {"/" + service, "application/yaml", "application/yaml"});
        }
        for (String[] document : documents) {
            Raw raw = send("GET", document[0], document[1], null);
            String what = document[0] + " (Accept: " + document[1] + ")";
            soft.assertThat(raw.status()).as(what).isEqualTo(200);
            soft.assertThat(raw.type()).as(what).startsWith(document[2]);
            soft.assertThat(DocumentChecks.faults(raw.body())).as(what).isEmpty();
            OpenAPI api = DocumentChecks.parse(raw.body()).getOpenAPI();
            if (api != null && api.getServers() != null) {
                soft.assertThat(api.getServers()).as(what).extracting("url").containsExactly(GATEWAY);
            }
        }
        soft.assertAll();
    }

    @Test
    void theCommittedDocumentIsTheLiveOne() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        Path fresh = Path.of("target", "openapi");
        Files.createDirectories(fresh);
        for (String format : List.of("json", "yaml")) {
            Raw raw = send("GET", "/openapi." + format, null, null);
            assertThat(raw.status()).as(raw.body()).isEqualTo(200);
            String live = raw.body().replace(GATEWAY, COMMITTED_SERVER);
            Files.writeString(fresh.resolve("openapi." + format), live);
            var mapper = format.equals("json") ? io.swagger.v3.core.util.Json.mapper() : io.swagger.v3.core.util.Yaml.mapper();
            Path committed = COMMITTED.resolve("openapi." + format);
            soft.assertThat(committed).exists();
            if (Files.exists(committed)) {
                // as trees: the same members, whatever their order
                soft.assertThat(mapper.readTree(live)).as("%s is the live /openapi.%s; if the API changed on purpose, "
                        + "copy system-tests/target/openapi/openapi.* to api-document/", committed, format)
                        .isEqualTo(mapper.readTree(Files.readString(committed)));
            }
        }
        soft.assertAll();
    }

    @Test
    void recordsOfLibrariesAreTypedAndFieldsTheServerAssignsAreNotOfferedAndNoDefaultIsAConstraint() throws Exception {
        var schemas = gatewayDocument().getComponents().getSchemas();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(property(schemas, "OrderView", "deliveryAddress").get$ref()).endsWith("/PostalAddress");
        soft.assertThat(property(schemas, "OrderView", "shortages").getItems().get$ref()).endsWith("/Shortage");
        soft.assertThat(property(schemas, "UserView", "address").get$ref()).endsWith("/PostalAddress");
        soft.assertThat(schemas.get("PostalAddress").getProperties()).containsKeys("street", "number", "district", "city",
                "state", "postalCode");
        soft.assertThat(schemas.get("Shortage").getProperties()).containsKeys("sku", "needed", "available", "name");
        soft.assertThat(property(schemas, "Shortage", "needed").getType()).isEqualTo("integer");
        soft.assertThat(schemas.get("Registration").getProperties()).containsKeys("name", "email", "password")
                .doesNotContainKeys("id", "role", "createdAt");
        // no annotation default passed off as a constraint (an order line with at most 0 properties, say)
        String text = send("GET", "/openapi.json", null, null).body();
        soft.assertThat(text).doesNotContainPattern("\"maxProperties\"\\s*:\\s*0\\b")
                .doesNotContainPattern("\"multipleOf\"\\s*:\\s*0(\\.0)?\\b")
                .doesNotContainPattern("\"minItems\"\\s*:\\s*2147483647");
        soft.assertAll();
    }

    @SuppressWarnings("rawtypes") // swagger's model: a map of raw Schemas
    private static Schema<?> property(Map<String, Schema> schemas, String schema, String name) {
        return (Schema<?>) schemas.get(schema).getProperties().get(name);
    }

    @Test
    void negotiationAndMethodErrorsAreProblems() throws Exception {
        for (String path : List.of("/openapi", "/users/openapi")) {
            Raw html = send("GET", path, "text/html", null);
            assertThat(html.status()).as(path + " " + html.body()).isEqualTo(406);
            assertThat(html.type()).startsWith("application/problem+json");
            assertThat(Json.createReader(new StringReader(html.body())).readObject().getInt("status")).isEqualTo(406);
        }
        Raw post = send("POST", "/openapi", "application/json", "{}");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.type()).startsWith("application/problem+json");
    }

    @Test
    void listsEveryCallOfApiMdWithItsStatusesAndNamesThePortugueseAliasesOnce() throws Exception {
        OpenAPI api = gatewayDocument();
        SoftAssertions soft = new SoftAssertions();
        List<Row> rows = apiMdRows();
        assertThat(rows).as("rows of API.md's tables").hasSizeGreaterThan(15);
        for (Row row : rows) {
            List<Operation> operations = new ArrayList<>();
            for (String[] call : row.calls()) {
                PathItem item = api.getPaths().get(call[1]);
                Operation operation = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(call[0]));
                soft.assertThat(operation).as("%s %s is documented", call[0], call[1]).isNotNull();
                if (operation == null) {
                    continue;
                }
                operations.add(operation);
                Set<String> documented = operation.getResponses().keySet();
                soft.assertThat(documented).as("%s %s: a success", call[0], call[1]).anyMatch(s -> s.startsWith("2"));
                for (String status : row.statuses()) {
                    if (!status.startsWith("2")) {
                        soft.assertThat(documented).as("%s %s documents %s (API.md)", call[0], call[1], status).contains(status);
                    }
                }
                if (!row.who().equals("anyone")) {
                    soft.assertThat(operation.getSecurity()).as("%s %s needs a bearer token", call[0], call[1]).isNotEmpty();
                    soft.assertThat(documented).as("%s %s documents 401", call[0], call[1]).contains("401");
                }
            }
            for (String status : row.statuses()) {
                if (status.startsWith("2")) {
                    soft.assertThat(operations).as("a call of %s answers %s (API.md)", row.calls().get(0)[1], status)
                            .anyMatch(operation -> operation.getResponses().containsKey(status));
                }
            }
        }
        soft.assertThat(api.getPaths().keySet()).as("aliases are not paths")
                .noneMatch(p -> p.matches("/(usuarios|pedidos|estoque|pagamentos)(/.*)?"));
        soft.assertThat(api.getInfo().getDescription()).contains("/usuarios", "/pedidos", "/estoque", "/pagamentos");
        soft.assertThat(api.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
        soft.assertAll();
    }

    @Test
    void everyDocumentedOperationAnswersEachRoleWithADocumentedStatus() throws Exception {
        OpenAPI api = gatewayDocument();
        Gateway.Customer kitchen = Gateway.newCustomer("Kitchen Doc");
        String admin = Gateway.admin();
        Gateway.put("users/" + kitchen.id() + "/role", admin, Json.createObjectBuilder().add("role", "kitchen").build()).expect(200);
        String[][] callers = {
            {"nobody", null},
            {"customer", Gateway.newCustomer("Customer Doc").token()},
            {"kitchen", Gateway.signIn(kitchen.email(), Gateway.PASSWORD)},
            {"admin", admin}};
        SoftAssertions soft = new SoftAssertions();
        for (var path : api.getPaths().entrySet()) {
            for (var operation : path.getValue().readOperationsMap().entrySet()) {
                String method = operation.getKey().name();
                boolean secured = operation.getValue().getSecurity() != null && !operation.getValue().getSecurity().isEmpty();
                for (String[] caller : callers) {
                    // fresh ids and an empty body: nothing exists or is valid, so nothing changes; each call is
                    // refused, found invalid, not found or answered, always with a status the document lists
                    String concrete = path.getKey().replace("{sku}", "NO-SUCH-SKU-" + UUID.randomUUID().toString().substring(0, 8))
                            .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    String body = method.equals("POST") || method.equals("PUT") ? "{}" : null;
                    String contentType = "application/json";
                    if (body != null && operation.getValue().getRequestBody() != null
                            && operation.getValue().getRequestBody().getContent().containsKey(FORM)) {
                        body = ""; // an empty form: the OAuth 2.0 endpoints answer invalid_request
                        contentType = FORM;
                    }
                    boolean paged = operation.getValue().getParameters() != null && operation.getValue().getParameters()
                            .stream().anyMatch(p -> p.getName().equals("limit"));
                    if (paged) {
                        concrete += "?limit=0"; // out of range: refused as invalid
                    }
                    Raw raw = send(method, concrete, "application/json", caller[1], contentType, body);
                    String what = caller[0] + ": " + method + " " + path.getKey() + " -> " + raw.status() + " " + raw.body();
                    soft.assertThat(raw.body()).as(what).doesNotContain("No service answers this path");
                    soft.assertThat(operation.getValue().getResponses().keySet()).as(what).contains(String.valueOf(raw.status()));
                    if (caller[1] == null && secured) {
                        soft.assertThat(raw.status()).as(what).isEqualTo(401);
                    }
                }
            }
        }
        soft.assertAll();
    }

    /**
     * The documented 409s that a test can cause without harm (the last admin's are left alone: see
     * StatusesObservedIT), and the 400 of a sold-out mark that ends in the past.
     */
    @Test
    void conflictsAreAnsweredAsDocumented() {
        Kitchen kitchen = new Kitchen();
        String admin = kitchen.admin;
        Gateway.Customer ana = Gateway.newCustomer("Ana Doc");
        Gateway.Customer bia = Gateway.newCustomer("Bia Doc");
        Gateway.post("users", null, Json.createObjectBuilder().add("name", "Ana Again").add("email", ana.email())
                .add("password", Gateway.PASSWORD).build()).problem(409);
        Gateway.put("users/" + bia.id(), bia.token(), Json.createObjectBuilder().add("name", "Bia Doc")
                .add("email", ana.email()).build()).problem(409);

        String sku = kitchen.ingredient("Doc Flour", 1000);
        Gateway.post("stock/ingredients", admin, Json.createObjectBuilder().add("sku", sku).add("name", "again")
                .add("unit", "g").add("onHand", 1).add("lowStockThreshold", 0).build()).problem(409);
        Gateway.post("stock/ingredients/" + sku + "/movements", admin, Json.createObjectBuilder().add("type", "WASTE")
                .add("quantity", 5000).add("reason", "more than there is").build()).problem(409);
        String first = kitchen.pizza("Doc Pizza", 3000, java.util.Map.of(sku, 100L));
        String second = kitchen.pizza("Doc Other Pizza", 3000, java.util.Map.of(sku, 100L));
        var sameName = Json.createObjectBuilder().add("name", "Doc Pizza " + kitchen.run).add("description", "x")
                .add("category", "PIZZA").add("priceCents", 3000)
                .add("recipe", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sku", sku).add("quantity", 100)))
                .build();
        Gateway.post("stock/products", admin, sameName).problem(409);
        Gateway.put("stock/products/" + second, admin, sameName).problem(409);
        Gateway.post("stock/products/" + first + "/sold-out", admin, Json.createObjectBuilder()
                .add("until", "2000-01-01T00:00:00Z").build()).problem(400);

        String declined = Kitchen.place(ana.token(), Kitchen.order("tok_declined", first, 1), 10).expect(201).json().getString("id");
        assertThat(Kitchen.decided(declined, ana.token()).getString("status")).isEqualTo("CANCELLED");
        Gateway.post("orders/" + declined + "/status", admin, Json.createObjectBuilder().add("status", "PREPARING").build())
                .problem(409);
    }

    record Row(List<String[]> calls, String who, Set<String> statuses) {
    }

    /** The rows of API.md's tables of calls, in the sections built so far. */
    static List<Row> apiMdRows() throws IOException {
        Path file = Path.of(System.getProperty("pizzeria.api.md", "../../shared/design/API.md"));
        assertThat(file).as("API.md, the contract (shared/design beside the repository)").exists();
        List<Row> rows = new ArrayList<>();
        boolean inBuiltSection = false;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("## ") || line.startsWith("### ")) {
                inBuiltSection = BUILT.contains(line.substring(line.indexOf(' ') + 1).strip());
            }
            if (!inBuiltSection || !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("(?<!\\\\)\\|");
            List<String[]> calls = new ArrayList<>();
            Matcher call = CALL.matcher(cells[1]);
            while (call.find()) {
                calls.add(new String[] {call.group(1), call.group(2)});
            }
            Set<String> statuses = new LinkedHashSet<>();
            Matcher status = STATUS.matcher(cells[3]);
            while (status.find()) {
                statuses.add(status.group(1));
            }
            rows.add(new Row(calls, cells[2].strip(), statuses));
        }
        return rows;
    }
}
