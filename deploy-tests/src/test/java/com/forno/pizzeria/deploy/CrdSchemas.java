package com.forno.pizzeria.deploy;

import com.forno.pizzeria.deploy.Manifests.Manifest;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operators' custom resources (CloudNativePG, the RabbitMQ Cluster and Messaging Topology Operators) against
 * their real schemas: the CRDs as published upstream, kept unmodified in {@code ../shared/crds} beside the repository
 * (never copied into it). Each CRD version's {@code openAPIV3Schema} is read as JSON Schema (draft 4, which OpenAPI
 * 3.0's schema object extends) and made as strict as the API server is with a structural schema:
 * <ul>
 * <li>an object with {@code properties} and without {@code x-kubernetes-preserve-unknown-fields} takes no other
 * field ({@code additionalProperties: false}): the API server would prune a misspelled field silently, and the
 * setting would be lost without a word;</li>
 * <li>{@code x-kubernetes-int-or-string} is an integer or a string; {@code nullable} admits null;</li>
 * <li>{@code metadata.name} is required (the CRDs leave metadata to the API server).</li>
 * </ul>
 * Not checked: the CEL rules ({@code x-kubernetes-validations}) and {@code format}s, which only the API server runs.
 */
final class CrdSchemas {

    /** Where the CRDs are: beside the repository, as the operators publish them. */
    static final Path FOLDER = Repository.ROOT.resolve("../shared/crds").normalize();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /** "group/version/Kind" -> its schema, made strict. */
    private static Map<String, com.networknt.schema.Schema> schemas;
    private static Set<String> groups;

    private CrdSchemas() {
    }

    /** Whether the object's API group is one of the CRDs' (then these schemas, not Kubernetes', judge it). */
    static boolean covers(Manifest manifest) {
        load();
        String apiVersion = manifest.apiVersion();
        return apiVersion.contains("/") && groups.contains(apiVersion.substring(0, apiVersion.indexOf('/')));
    }

    /** What is wrong with one custom resource, one line per mistake (nothing when it is valid). */
    static List<String> violations(Manifest manifest) {
        load();
        com.networknt.schema.Schema schema = schemas.get(manifest.apiVersion() + "/" + manifest.kind());
        if (schema == null) {
            return List.of(manifest + ": " + manifest.apiVersion() + " " + manifest.kind() + " is no kind of the CRDs in " + FOLDER);
        }
        List<String> violations = new ArrayList<>();
        for (Error error : schema.validate(JSON.valueToTree(manifest.raw()))) {
            violations.add(manifest + ": " + error.getInstanceLocation() + " " + error.getMessage());
        }
        return violations;
    }

    /** The kinds the CRDs define, as "group/version/Kind". */
    static Set<String> kinds() {
        load();
        return new TreeSet<>(schemas.keySet());
    }

    private static synchronized void load() {
        if (schemas != null) {
            return;
        }
        if (!Files.isDirectory(FOLDER)) {
            throw new IllegalStateException("the operators' CRDs are not at " + FOLDER + " (../shared/crds beside the repository)");
        }
        Map<String, com.networknt.schema.Schema> loaded = new HashMap<>();
        Set<String> loadedGroups = new TreeSet<>();
        try (Stream<Path> files = Files.walk(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode crd = JSON.valueToTree(new Yaml(new LoaderOptions()).load(Files.readString(file)));
                if (!"CustomResourceDefinition".equals(crd.path("kind").asString())) {
                    continue;
                }
                String group = crd.path("spec").path("group").asString();
                String kind = crd.path("spec").path("names").path("kind").asString();
                loadedGroups.add(group);
                for (JsonNode version : crd.path("spec").path("versions")) {
                    ObjectNode schema = (ObjectNode) strict(version.path("schema").path("openAPIV3Schema"));
                    requireName(schema);
                    loaded.put(group + "/" + version.path("name").asString() + "/" + kind, REGISTRY.getSchema(schema));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException("no CustomResourceDefinition in " + FOLDER);
        }
        groups = loadedGroups;
        schemas = loaded;
    }

    /** A copy of an OpenAPI v3 schema (of a structural CRD) as a strict JSON Schema. */
    static JsonNode strict(JsonNode openApi) {
        if (!openApi.isObject()) {
            return openApi;
        }
        if (openApi.path("x-kubernetes-int-or-string").asBoolean(false)) {
            ObjectNode either = NODES.objectNode();
            ArrayNode anyOf = either.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
            return either;
        }
        ObjectNode copy = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : openApi.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "properties" -> {
                    ObjectNode properties = copy.putObject("properties");
                    value.properties().forEach(p -> properties.set(p.getKey(), strict(p.getValue())));
                }
                case "items", "not" -> copy.set(name, strict(value));
                case "additionalProperties" -> copy.set(name, value.isObject() ? strict(value) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode all = copy.putArray(name);
                    value.forEach(v -> all.add(strict(v)));
                }
                // checked by the API server only (formats such as int32 are OpenAPI's, not JSON Schema's)
                case "format", "nullable", "default", "description", "example" -> { }
                default -> {
                    if (!name.startsWith("x-kubernetes-")) {
                        copy.set(name, value);
                    }
                }
            }
        }
        if (openApi.path("nullable").asBoolean(false) && copy.has("type")) {
            ArrayNode types = NODES.arrayNode().add(copy.get("type")).add("null");
            copy.set("type", types);
        }
        boolean preserves = openApi.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (openApi.has("properties") && !preserves && !openApi.has("additionalProperties")) {
            copy.put("additionalProperties", false);
        }
        return copy;
    }

    /** Every object has a name that Kubernetes accepts. */
    private static void requireName(ObjectNode schema) {
        ObjectNode properties = schema.has("properties") ? (ObjectNode) schema.get("properties") : schema.putObject("properties");
        ObjectNode metadata = properties.putObject("metadata");
        metadata.put("type", "object");
        metadata.putArray("required").add("name");
        ObjectNode name = metadata.putObject("properties").putObject("name");
        name.put("type", "string").put("maxLength", 253).put("pattern", DNS_SUBDOMAIN);
        ArrayNode required = schema.has("required") ? (ArrayNode) schema.get("required") : schema.putArray("required");
        for (String field : List.of("apiVersion", "kind", "metadata")) {
            if (required.valueStream().noneMatch(n -> n.asString().equals(field))) {
                required.add(field);
            }
        }
    }
}
