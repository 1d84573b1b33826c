package com.forno.pizzeria.apidocument;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes an OpenAPI document one a client generator can trust: swagger-parser reads it without a single
 * message (an unknown member such as Payara's {@code endpoints}, a wrong type, a dangling {@code $ref} are all
 * messages), and the project's own rules hold: OpenAPI 3.0, servers given, unique tags and operation ids, every
 * operation with a success and every error answered as {@code application/problem+json} with the Problem schema
 * (or, on the OAuth 2.0 endpoints, as {@code application/json} with RFC 6749's OAuthError).
 */
public final class DocumentChecks {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** RFC 6749's error body, which the OAuth 2.0 token and revocation endpoints answer instead of a problem. */
    public static final String OAUTH_ERROR_REF = "#/components/schemas/OAuthError";
    static final String JSON = "application/json";

    private DocumentChecks() {
    }

    /** The document read strictly (no reference resolved, so that a dangling one is reported). */
    public static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        options.setValidateInternalRefs(true);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }

    /** Every fault found; empty when the document is sound. */
    public static List<String> faults(String text) {
        List<String> faults = new ArrayList<>();
        SwaggerParseResult result = parse(text);
        if (result.getMessages() != null) {
            result.getMessages().forEach(message -> faults.add("swagger-parser: " + message));
        }
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            faults.add("not an OpenAPI document");
            return faults;
        }
        faults.addAll(rules(api));
        return faults;
    }

    static List<String> rules(OpenAPI api) {
        List<String> faults = new ArrayList<>();
        if (api.getOpenapi() == null || !api.getOpenapi().startsWith("3.0.")) {
            faults.add("openapi is " + api.getOpenapi() + ", not 3.0.x");
        }
        if (api.getServers() == null || api.getServers().isEmpty()) {
            faults.add("no servers");
        }
        Set<String> tags = new HashSet<>();
        for (Tag tag : api.getTags() == null ? List.<Tag>of() : api.getTags()) {
            if (!tags.add(tag.getName())) {
                faults.add("tag listed twice: " + tag.getName());
            }
        }
        if (api.getPaths() == null || api.getPaths().isEmpty()) {
            faults.add("no paths");
            return faults;
        }
        Set<String> operationIds = new HashSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method + " " + path;
            if (operation.getOperationId() == null || !operationIds.add(operation.getOperationId())) {
                faults.add(where + ": operationId missing or not unique (" + operation.getOperationId() + ")");
            }
            faults.addAll(responses(where, operation));
        }));
        return faults;
    }

    private static List<String> responses(String where, Operation operation) {
        List<String> faults = new ArrayList<>();
        if (operation.getResponses() == null || operation.getResponses().keySet().stream().noneMatch(s -> s.startsWith("2"))) {
            faults.add(where + ": no success response");
            return faults;
        }
        for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
            String status = response.getKey();
            if (!status.startsWith("4") && !status.startsWith("5")) {
                continue;
            }
            var content = response.getValue().getContent();
            if (!described(content, PROBLEM_JSON, PROBLEM_REF) && !described(content, JSON, OAUTH_ERROR_REF)) {
                faults.add(where + ": " + status + " is not described as " + PROBLEM_JSON + " with " + PROBLEM_REF
                        + " (nor as an OAuth 2.0 error)");
            }
        }
        return faults;
    }

    /** The content has exactly this one media type, with this schema. */
    private static boolean described(Map<String, MediaType> content, String media, String ref) {
        MediaType type = content == null || content.size() != 1 ? null : content.get(media);
        return type != null && type.getSchema() != null && ref.equals(type.getSchema().get$ref());
    }
}
