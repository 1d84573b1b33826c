package com.forno.pizzeria.apidocument;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one OpenAPI document of the public API, served by the gateway at {@code /openapi}: the services' own documents
 * (each already valid, see the platform's PublishedDocument) merged, with the gateway as the only server, the
 * Portuguese aliases named once, the bearer scheme, and examples of the main requests and answers.
 *
 * <p>It is assembled when the stack starts ({@code bin/pizzeria up}, once every instance is ready), not at build
 * time: Payara's scanner builds the services' documents from the deployed code at run time, so this is the only
 * way the gateway's document describes exactly the code that answers, without a second description to keep in step.
 *
 * <pre>java -cp api-document.jar:lib/* com.forno.pizzeria.apidocument.GatewayDocument OUT_DIR GATEWAY_URL
 *      users=http://127.0.0.1:9101/openapi orders=... stock=... payments=... ai=...</pre>
 * writes OUT_DIR/openapi.json and OUT_DIR/openapi.yaml, or nothing (exit 1) when a document is not sound.
 */
public final class GatewayDocument {

    /** The first path segments the gateway routes to a service (nginx/pizzeria.conf.template). */
    static final List<String> ROUTED = List.of("/.well-known", "/users", "/orders", "/stock", "/payments",
            "/recommendations", "/chat", "/reports");

    /** The services whose dead letters the gateway reaches at /<service>/dead-letters (ai's path is not routed). */
    static final List<String> DEAD_LETTERS = List.of("users", "orders", "stock", "payments");

    /** The calls the gateway rate-limits (nginx/pizzeria.conf.template: sign-in, the token endpoint with it). */
    static final List<String> RATE_LIMITED = List.of("POST /users/login", "POST /users/token", "POST /users", "POST /orders");

    static final String DESCRIPTION = """
            The pizzeria's public API, through its gateway. Every error is RFC 9457 `application/problem+json` \
            (`type`, `title`, `status`, `detail`, `instance`, and `violations: [{field, message}]` for invalid input), \
            from the services and from the gateway itself (404 for an unknown path, 413, 429 rate limits, 502/503/504 \
            when a service is away). The OAuth 2.0 endpoints (`POST /users/token`, `POST /users/revoke`) answer their             own errors as RFC 6749 says: `application/json` `{error, error_description}`.

            Authentication: `Authorization: Bearer <accessToken>` from `POST /users/login` or `POST /users/token`. Roles: customer, kitchen, \
            admin. Objects that belong to someone else answer 404 (not 403) to a customer. Money is integer cents in \
            BRL; times are ISO-8601 UTC; ids are UUIDs.

            Portuguese aliases: `/usuarios` = `/users`, `/pedidos` = `/orders`, `/estoque` = `/stock`, \
            `/pagamentos` = `/payments`, with the rest of the path unchanged (e.g. `GET /pedidos/{id}`); they are \
            not listed again as paths.

            Each service also documents itself at `/<service>/openapi` (ai: `/ai/openapi`).""";

    private GatewayDocument() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: GatewayDocument OUT_DIR GATEWAY_URL name=URL...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Map<String, String> documents = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            documents.put(pair[0], fetch(pair[1]));
        }
        try {
            OpenAPI api = assemble(documents, args[1]);
            write(out, api);
        } catch (IllegalStateException e) {
            System.err.println("GatewayDocument: " + e.getMessage());
            System.exit(1);
        }
    }

    static String fetch(String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET().build();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                last = new IOException(url + " answered " + response.statusCode());
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(1000);
        }
        throw last;
    }

    static void write(Path out, OpenAPI api) throws IOException {
        Files.createDirectories(out);
        replace(out.resolve("openapi.json"), Json.pretty(api));
        replace(out.resolve("openapi.yaml"), Yaml.pretty(api));
    }

    private static void replace(Path file, String text) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(next, text + "\n", StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The services' documents (name → JSON text) as one, checked; {@link IllegalStateException} when unsound. */
    public static OpenAPI assemble(Map<String, String> documents, String gatewayUrl) {
        OpenAPI api = new OpenAPI().openapi("3.0.3")
                .info(new Info().title("Pizzeria API").version("1.0").description(DESCRIPTION))
                .servers(List.of(new Server().url(gatewayUrl).description("The pizzeria's gateway")))
                .paths(new Paths())
                .components(new Components());
        api.setTags(new ArrayList<>());
        for (var document : documents.entrySet()) {
            List<String> faults = DocumentChecks.faults(document.getValue());
            if (!faults.isEmpty()) {
                throw new IllegalStateException(document.getKey() + "'s document is not sound: " + faults);
            }
            add(api, document.getKey(), document.getValue());
            if (DEAD_LETTERS.contains(document.getKey())) {
                deadLetters(api, document.getKey());
            }
        }
        examples(api);
        List<String> faults = DocumentChecks.faults(Json.pretty(api));
        if (!faults.isEmpty()) {
            throw new IllegalStateException("the assembled document is not sound: " + faults);
        }
        return api;
    }

    private static void add(OpenAPI api, String service, String text) {
        OpenAPI own = DocumentChecks.parse(text).getOpenAPI();
        // a schema name another service already uses for something else: this service's gets its name as prefix
        Map<String, Schema> known = api.getComponents().getSchemas() == null ? Map.of() : api.getComponents().getSchemas();
        Map<String, Schema> ownSchemas = own.getComponents() == null || own.getComponents().getSchemas() == null
                ? Map.of() : own.getComponents().getSchemas();
        String renamed = text;
        boolean clash = false;
        for (var schema : ownSchemas.entrySet()) {
            if (known.containsKey(schema.getKey()) && !known.get(schema.getKey()).equals(schema.getValue())) {
                String prefixed = capitalized(service) + schema.getKey();
                renamed = renamed.replace("\"#/components/schemas/" + schema.getKey() + "\"", "\"#/components/schemas/" + prefixed + "\"");
                clash = true;
            }
        }
        if (clash) {
            OpenAPI again = DocumentChecks.parse(renamed).getOpenAPI();
            Map<String, Schema> schemas = new LinkedHashMap<>();
            again.getComponents().getSchemas().forEach((name, schema) -> schemas.put(
                    known.containsKey(name) && !known.get(name).equals(schema) ? capitalized(service) + name : name, schema));
            again.getComponents().setSchemas(schemas);
            own = again;
        }
        for (var path : own.getPaths().entrySet()) {
            if (ROUTED.stream().noneMatch(prefix -> path.getKey().equals(prefix) || path.getKey().startsWith(prefix + "/"))) {
                continue;
            }
            if (api.getPaths().containsKey(path.getKey())) {
                throw new IllegalStateException(path.getKey() + " is documented by two services");
            }
            api.getPaths().addPathItem(path.getKey(), path.getValue());
        }
        if (own.getComponents() != null) {
            if (own.getComponents().getSchemas() != null) {
                own.getComponents().getSchemas().forEach(api.getComponents()::addSchemas);
            }
            if (own.getComponents().getSecuritySchemes() != null) {
                own.getComponents().getSecuritySchemes().forEach(api.getComponents()::addSecuritySchemes);
            }
        }
        if (own.getTags() != null) {
            for (Tag tag : own.getTags()) {
                if (api.getTags().stream().noneMatch(t -> t.getName().equals(tag.getName()))) {
                    api.getTags().add(tag);
                }
            }
        }
    }

    /**
     * A service's dead letters (the platform's DeadLettersResource, which Payara's scanner does not see: it lives in
     * a library jar): the list and the replay, admins only, at the service's own first path segment.
     */
    static void deadLetters(OpenAPI api, String service) {
        Components components = api.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey("DeadLetterQueue")) {
            components.addSchemas("DeadLetter", new Schema<>().type("object")
                    .description("A message that could not be handled, as the dead-letter queue keeps it")
                    .addProperty("messageId", new Schema<>().type("string"))
                    .addProperty("type", new Schema<>().type("string"))
                    .addProperty("correlationId", new Schema<>().type("string"))
                    .addProperty("body", new Schema<>().type("string")));
            components.addSchemas("DeadLetterQueue", new Schema<>().type("object")
                    .description("A queue's dead letters: at most `limit` of them listed, `count` in all (-1: the broker cannot say)")
                    .addProperty("queue", new Schema<>().type("string"))
                    .addProperty("deadLetterQueue", new Schema<>().type("string"))
                    .addProperty("count", new Schema<>().type("integer").format("int64"))
                    .addProperty("letters", new Schema<>().type("array").items(new Schema<>().$ref("#/components/schemas/DeadLetter")))
                    .required(List.of("queue", "deadLetterQueue", "count", "letters")));
            components.addSchemas("Replayed", new Schema<>().type("object")
                    .addProperty("queue", new Schema<>().type("string"))
                    .addProperty("replayed", new Schema<>().type("integer").format("int32"))
                    .required(List.of("queue", "replayed")));
        }
        String tag = "Dead letters";
        if (api.getTags().stream().noneMatch(t -> t.getName().equals(tag))) {
            api.getTags().add(new Tag().name(tag).description("Messages a service could not handle, per queue, and their replay"));
        }
        SecurityRequirement bearer = new SecurityRequirement().addList("bearer");
        Operation list = new Operation().addTagsItem(tag).operationId(service + "DeadLettersList")
                .summary("The " + service + " service's dead letters, per queue").addSecurityItem(bearer)
                .addParametersItem(new QueryParameter().name("limit")
                        .description("How many letters of each queue to list (1 to 100)")
                        .schema(new Schema<>().type("integer").format("int32")._default(20)))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("OK").content(new Content().addMediaType(
                                "application/json", new MediaType().schema(new Schema<>().type("array")
                                        .items(new Schema<>().$ref("#/components/schemas/DeadLetterQueue"))))))
                        .addApiResponse("401", problem("No valid bearer token: sign in first"))
                        .addApiResponse("403", problem("Signed in, but only admin may do this"))
                        .addApiResponse("503", problem("RabbitMQ cannot be read now; safe to retry")));
        Operation replay = new Operation().addTagsItem(tag).operationId(service + "DeadLettersReplay")
                .summary("Moves a queue's dead letters back into the queue they died in (once the cause is fixed)")
                .addSecurityItem(bearer)
                .addParametersItem(new PathParameter().name("queue")
                        .schema(new Schema<>().type("string")))
                .addParametersItem(new QueryParameter().name("limit")
                        .description("How many to move at most (1 to 1000)")
                        .schema(new Schema<>().type("integer").format("int32")._default(100)))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("OK").content(new Content().addMediaType(
                                "application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/Replayed")))))
                        .addApiResponse("401", problem("No valid bearer token: sign in first"))
                        .addApiResponse("403", problem("Signed in, but only admin may do this"))
                        .addApiResponse("404", problem("This service has no such queue"))
                        .addApiResponse("503", problem("RabbitMQ cannot be written now; safe to retry")));
        api.getPaths().addPathItem("/" + service + "/dead-letters", new PathItem().get(list));
        api.getPaths().addPathItem("/" + service + "/dead-letters/{queue}/replay", new PathItem().post(replay));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(DocumentChecks.PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** Examples of the main requests and answers: an order placed and answered, a sign-in, problems. */
    static void examples(OpenAPI api) {
        Components components = api.getComponents();
        if (components.getSecuritySchemes() == null || !components.getSecuritySchemes().containsKey("bearer")) {
            components.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT"));
        }
        // how an OAuth 2.0 client gets the bearer token: the token endpoint (also a path of the document, with its
        // RFC 6749 errors), the same for renewing it with a refresh token
        components.addSecuritySchemes("oauth2", new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Sign-in as an OAuth 2.0 client: POST /users/token (form: grant_type=password&username=&password=, "
                        + "or grant_type=refresh_token&refresh_token=) answers {access_token, token_type, expires_in, "
                        + "refresh_token}; refresh tokens rotate on every use; POST /users/revoke (form: token=) ends a "
                        + "session (RFC 7009). The access token is then sent as the bearer token.")
                .flows(new OAuthFlows().password(new OAuthFlow().tokenUrl("/users/token").refreshUrl("/users/token")
                        .scopes(new Scopes()))));
        components.addExamples("InvalidRequest", new Example().summary("A request with invalid fields (400)").value(Map.of(
                "type", "https://pizzeria.forno.com/problems/validation",
                "title", "The request is not valid",
                "status", 400,
                "detail", "One or more fields are invalid.",
                "instance", "/orders",
                "violations", List.of(Map.of("field", "items[0].quantity", "message", "must be greater than or equal to 1")))));
        components.addExamples("NotFound", new Example().summary("Nothing there, or not yours (404)").value(Map.of(
                "type", "about:blank",
                "title", "Not Found",
                "status", 404,
                "detail", "No resource here.",
                "instance", "/orders/3f1c2a9e-8a55-4c8e-9d0b-5b8f2f6d7c11")));
        components.addExamples("KeyReused", new Example().summary("An Idempotency-Key used for another order (422)").value(Map.of(
                "type", "https://pizzeria.forno.com/problems/idempotency-key-reused",
                "title", "Idempotency-Key already used",
                "status", 422,
                "detail", "This Idempotency-Key was used for a different order; use a new key for a new order.",
                "instance", "/orders")));
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            problemExample(operation, "400", "InvalidRequest");
            problemExample(operation, "404", "NotFound");
        }));
        // the gateway's own rate limits, on the calls it limits
        for (String call : RATE_LIMITED) {
            String[] methodAndPath = call.split(" ", 2);
            Operation limited = operation(api, methodAndPath[1], PathItem.HttpMethod.valueOf(methodAndPath[0]));
            if (limited != null) {
                limited.getResponses().addApiResponse("429",
                        problem("Too many requests from this address (the gateway's rate limit); see Retry-After"));
            }
        }
        Operation place = operation(api, "/orders", PathItem.HttpMethod.POST);
        if (place != null) {
            problemExample(place, "422", "KeyReused");
            jsonExample(place.getRequestBody() == null ? null : place.getRequestBody().getContent().get("application/json"), Map.of(
                    "items", List.of(Map.of("productId", "9b2f6c1e-3d4a-4b7e-8f10-2a6c5d7e8f90", "quantity", 2)),
                    "deliveryAddress", Map.of("street", "Av. Paulista", "number", "1000", "district", "Bela Vista",
                            "city", "São Paulo", "state", "SP", "postalCode", "01310-100"),
                    "payment", Map.of("cardToken", "tok_approved")));
            jsonExample(json(place.getResponses().get("201")), order());
        }
        Operation one = operation(api, "/orders/{id}", PathItem.HttpMethod.GET);
        if (one != null) {
            jsonExample(json(one.getResponses().get("200")), order());
        }
        Operation login = operation(api, "/users/login", PathItem.HttpMethod.POST);
        if (login != null) {
            jsonExample(login.getRequestBody() == null ? null : login.getRequestBody().getContent().get("application/json"),
                    Map.of("email", "ana@example.com", "password", "segredo-forte-1"));
            jsonExample(json(login.getResponses().get("200")), Map.of(
                    "accessToken", "eyJraWQiOi...", "tokenType", "Bearer", "expiresIn", 3600));
        }
    }

    private static Map<String, Object> order() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", "3f1c2a9e-8a55-4c8e-9d0b-5b8f2f6d7c11");
        order.put("customerId", "6d0e4b8a-1f2c-4a3b-9c5d-7e8f9a0b1c2d");
        order.put("status", "CONFIRMED");
        order.put("items", List.of(Map.of("productId", "9b2f6c1e-3d4a-4b7e-8f10-2a6c5d7e8f90", "name", "Margherita",
                "quantity", 2, "unitPriceCents", 4990)));
        order.put("totalCents", 9980);
        order.put("currency", "BRL");
        order.put("deliveryAddress", Map.of("street", "Av. Paulista", "number", "1000", "district", "Bela Vista",
                "city", "São Paulo", "state", "SP", "postalCode", "01310-100"));
        order.put("timeline", List.of(
                Map.of("status", "PENDING", "at", "2026-12-07T18:00:00Z"),
                Map.of("status", "AWAITING_PAYMENT", "at", "2026-12-07T18:00:00.150Z"),
                Map.of("status", "CONFIRMED", "at", "2026-12-07T18:00:00.420Z")));
        order.put("createdAt", "2026-12-07T18:00:00Z");
        return order;
    }

    private static Operation operation(OpenAPI api, String path, PathItem.HttpMethod method) {
        PathItem item = api.getPaths().get(path);
        return item == null ? null : item.readOperationsMap().get(method);
    }

    private static MediaType json(ApiResponse response) {
        return response == null || response.getContent() == null ? null : response.getContent().get("application/json");
    }

    private static void jsonExample(MediaType media, Object value) {
        if (media != null) {
            media.setExample(value);
        }
    }

    private static void problemExample(Operation operation, String status, String example) {
        ApiResponse response = operation.getResponses() == null ? null : operation.getResponses().get(status);
        MediaType media = response == null || response.getContent() == null ? null
                : response.getContent().get(DocumentChecks.PROBLEM_JSON);
        if (media != null) {
            media.addExamples(example, new Example().$ref("#/components/examples/" + example));
        }
    }
}
