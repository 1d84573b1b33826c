package com.forno.pizzeria.platform.openapi;

import com.forno.pizzeria.platform.paging.Page;
import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.servers.Server;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Makes every WAR's OpenAPI document one a client generator can trust (declared once for all WARs as
 * {@code mp.openapi.filter} in the platform's microprofile-config.properties):
 * <ul>
 * <li>valid OpenAPI 3.0: Payara's own top-level {@code endpoints} member is dropped, tags and operation ids are
 *     unique, integer defaults are integers;</li>
 * <li>{@code servers} is the gateway ({@code mp.openapi.servers}), never the instance that happened to answer;</li>
 * <li>every operation lists its success (status and body) and each error it can answer, as RFC 9457
 *     {@code application/problem+json} ({@code #/components/schemas/Problem}): 401 (and 403 when a signed-in role
 *     is not allowed) from its {@code @RolesAllowed}, 400 from a body or constrained parameters, 404 from a path
 *     parameter, 503 always (the database or a dependency away), and what {@link ProblemResponse} adds;</li>
 * <li>an error a method answers in a standard's own format ({@link ErrorResponse}: OAuth 2.0's) is listed so;</li>
 * <li>ids, times and whole numbers of the records have their JSON types ({@code uuid}, {@code date-time},
 *     {@code integer}), which Payara's scanner gives as {@code object} and {@code number}.</li>
 * </ul>
 * The facts come from the resource classes themselves (found in the WAR's own classes), so they cannot drift
 * from the code.
 */
public class PublishedDocument implements OASFilter {

    private static final System.Logger LOG = System.getLogger(PublishedDocument.class.getName());

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";
    static final String BEARER = "bearer";
    static final String API_VERSION = "1.0";
    private static final String ROOT_PACKAGE = "com/forno/pizzeria";
    private static final Set<String> EVERY_ROLE = Set.of(Roles.CUSTOMER, Roles.KITCHEN, Roles.ADMIN);

    static final Map<Integer, String> STANDARD = Map.of(
            400, "The request is not valid: `violations` lists each field at fault (or the body is not JSON)",
            401, "No valid bearer token: sign in first",
            403, "Signed in, but the caller's role may not do this",
            404, "No such resource (or it belongs to someone else)",
            409, "Conflicts with the resource's current state",
            422, "The request cannot be processed as sent",
            503, "The service cannot reach its database or a service it depends on right now; safe to retry");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        dropPayaraEndpoints(openAPI);
        uniqueTags(openAPI);
        describeService(openAPI);
        gatewayServers(openAPI);
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        addShared(components);
        Map<String, Class<?>> records = new HashMap<>();
        Map<String, Method> methods = resourceMethods(getClass().getClassLoader(), records);
        typeRecordProperties(components, records);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (var path : openAPI.getPaths().getPathItems().entrySet()) {
            for (var entry : path.getValue().getOperations().entrySet()) {
                Method method = methods.get(entry.getKey().name() + " " + path.getKey());
                describe(path.getKey(), entry.getValue(), method, components);
            }
        }
    }

    /**
     * Payara writes the defaults of a {@code @Schema} annotation into the schema as if they were constraints:
     * {@code maxProperties: 0} on an object (which no order line could then satisfy), {@code minItems} above
     * {@code maxItems}, {@code multipleOf: 0}, {@code false} flags. Those that say nothing are dropped.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        scrubAnnotationDefaults(schema);
        return schema;
    }

    static void scrubAnnotationDefaults(Schema schema) {
        if (Integer.valueOf(0).equals(schema.getMaxProperties()) && Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMaxProperties(null);
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Integer.valueOf(Integer.MAX_VALUE).equals(schema.getMaxLength())) {
            schema.setMaxLength(null);
        }
        if (Integer.valueOf(Integer.MAX_VALUE).equals(schema.getMinItems())) {
            schema.setMinItems(null);
        }
        if (Integer.valueOf(Integer.MIN_VALUE).equals(schema.getMaxItems())) {
            schema.setMaxItems(null);
        }
        if (schema.getMultipleOf() != null && schema.getMultipleOf().signum() == 0) {
            schema.setMultipleOf(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
    }

    /** Payara 6 adds a non-standard top-level {@code endpoints} member (its own index); an empty one is left out. */
    static void dropPayaraEndpoints(OpenAPI openAPI) {
        try {
            Object endpoints = openAPI.getClass().getMethod("getEndpoints").invoke(openAPI);
            if (endpoints instanceof Map<?, ?> map) {
                map.clear();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another runtime, or one that no longer adds it: nothing to drop
        }
    }

    /** Several resource classes may declare the same {@code @Tag}: the document lists each name once. */
    static void uniqueTags(OpenAPI openAPI) {
        if (openAPI.getTags() == null) {
            return;
        }
        Map<String, Tag> byName = new LinkedHashMap<>();
        for (Tag tag : openAPI.getTags()) {
            byName.merge(tag.getName(), tag, (first, second) -> first.getDescription() == null ? second : first);
        }
        openAPI.setTags(new ArrayList<>(byName.values()));
    }

    /**
     * The service's title and description from its WAR's {@code pizzeria.api.title} and
     * {@code pizzeria.api.description}: said once, beside the rest of the service's configuration, in the same way
     * for all five (Payara ignores the SmallRye keys, and {@code @OpenAPIDefinition} would repeat the same annotation
     * stack on every Application class).
     */
    private static void describeService(OpenAPI openAPI) {
        var config = ConfigProvider.getConfig(PublishedDocument.class.getClassLoader());
        config.getOptionalValue("pizzeria.api.title", String.class).ifPresent(title -> openAPI.setInfo(
                OASFactory.createInfo().title(title).version(API_VERSION)
                        .description(config.getOptionalValue("pizzeria.api.description", String.class).orElse(null))));
    }

    private static void gatewayServers(OpenAPI openAPI) {
        ConfigProvider.getConfig(PublishedDocument.class.getClassLoader())
                .getOptionalValue("mp.openapi.servers", String.class).ifPresent(urls -> {
            List<Server> servers = new ArrayList<>();
            for (String url : urls.split(",")) {
                if (!url.isBlank()) {
                    servers.add(OASFactory.createServer().url(url.strip()).description("The pizzeria's gateway"));
                }
            }
            openAPI.setServers(servers);
        });
    }

    static void addShared(Components components) {
        components.addSchema(VIOLATION, OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("One invalid field: its JSON path in the request (or the parameter's name) and why")
                .addProperty("field", OASFactory.createSchema().type(SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().type(SchemaType.STRING))
                .required(List.of("field", "message")));
        components.addSchema(PROBLEM, OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("An RFC 9457 problem detail: every error of the pizzeria, from a service or the gateway")
                .addProperty("type", OASFactory.createSchema().type(SchemaType.STRING).format("uri-reference")
                        .description("about:blank, or a stable URI naming the problem"))
                .addProperty("title", OASFactory.createSchema().type(SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().type(SchemaType.INTEGER).format("int32"))
                .addProperty("detail", OASFactory.createSchema().type(SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().type(SchemaType.STRING).format("uri-reference"))
                .addProperty("violations", OASFactory.createSchema().type(SchemaType.ARRAY)
                        .description("For invalid input (400): each field at fault")
                        .items(OASFactory.createSchema().ref(VIOLATION)))
                .required(List.of("type", "title", "status")));
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("An access token from POST /users/login, sent as `Authorization: Bearer <accessToken>`"));
    }

    private void describe(String path, Operation operation, Method method, Components components) {
        Map<Integer, String> errors = new TreeMap<>();
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (method == null) {
            LOG.log(System.Logger.Level.WARNING, "OpenAPI: no resource method found for {0}", path);
        } else {
            operation.setOperationId(operationId(method));
            success(method, responses, components);
            parsedBody(method, operation, components);
            parameters(method, operation);
            secured(method, operation, errors);
            if (operation.getRequestBody() != null) {
                if (operation.getRequestBody().getRequired() == null) {
                    operation.getRequestBody().setRequired(true);
                }
                errors.put(400, STANDARD.get(400));
            }
            if (Arrays.stream(method.getParameters()).anyMatch(PublishedDocument::constrained)) {
                errors.put(400, STANDARD.get(400));
            }
            for (ProblemResponse declared : method.getAnnotationsByType(ProblemResponse.class)) {
                errors.put(declared.status(), declared.description());
            }
        }
        if (path.contains("{")) {
            errors.putIfAbsent(404, STANDARD.get(404));
        }
        errors.putIfAbsent(503, STANDARD.get(503));
        // what Payara or an annotation listed as an error, with the problem schema and a description
        for (var listed : new ArrayList<>(responses.getAPIResponses().entrySet())) {
            if (listed.getKey().matches("[45]\\d\\d")) {
                int status = Integer.parseInt(listed.getKey());
                String description = listed.getValue().getDescription();
                errors.putIfAbsent(status, description == null || description.isBlank() ? STANDARD.get(status) : description);
            }
        }
        // a status the method answers in a standard's own format is that, not a problem
        for (ErrorResponse declared : method == null ? new ErrorResponse[0] : method.getAnnotationsByType(ErrorResponse.class)) {
            errors.remove(declared.status());
            responses.addAPIResponse(String.valueOf(declared.status()), OASFactory.createAPIResponse()
                    .description(declared.description()).content(json(ref(declared.body(), components))));
        }
        errors.forEach((status, description) -> responses.addAPIResponse(String.valueOf(status), problem(
                description == null ? "Error " + status : description)));
    }

    static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
    }

    /** The scanner's {@code default} response becomes the real success: 200 with its body, or as declared. */
    private static void success(Method method, APIResponses responses, Components components) {
        APIResponse generated = responses.getAPIResponse("default");
        responses.removeAPIResponse("default");
        SuccessResponse declared = method.getAnnotation(SuccessResponse.class);
        boolean listed = responses.getAPIResponses().keySet().stream().anyMatch(code -> code.startsWith("2"));
        APIResponse ok;
        String status;
        if (declared != null) {
            status = String.valueOf(declared.status());
            ok = OASFactory.createAPIResponse().description(declared.description());
            if (declared.body() != Void.class) {
                ok.content(json(ref(declared.body(), components)));
            }
        } else if (listed) {
            status = responses.getAPIResponses().keySet().stream().filter(code -> code.startsWith("2")).findFirst().orElseThrow();
            ok = responses.getAPIResponse(status);
        } else {
            status = "200";
            ok = generated == null ? OASFactory.createAPIResponse() : generated;
            ok.setDescription("OK");
        }
        Schema page = page(method, components);
        if (page != null) {
            ok.content(json(page));
        } else if (ok.getContent() == null && generated != null && generated.getContent() != null
                && (declared == null || declared.body() != Void.class)) {
            ok.content(generated.getContent());
        }
        if (ok.getDescription() == null || ok.getDescription().isBlank()) {
            ok.setDescription("OK");
        }
        responses.addAPIResponse(status, ok);
    }

    /**
     * A body the method reads as text and parses itself (an empty body allowed), declared with {@code @RequestBody}
     * as the record it parses into: Payara's scanner writes such a record as an object without properties (and
     * the text as a string), so its schema is built here from the record, as a library's record's is.
     */
    private static void parsedBody(Method method, Operation operation, Components components) {
        var declared = method.getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.RequestBody.class);
        if (declared == null || operation.getRequestBody() == null) {
            return;
        }
        for (var content : declared.content()) {
            Class<?> type = content.schema().implementation();
            if (type.isRecord()) {
                Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
                library(schema, type, components);
                // JSON unless declared otherwise (the token endpoint's form)
                String media = content.mediaType().isEmpty() ? "application/json" : content.mediaType();
                operation.getRequestBody().setContent(OASFactory.createContent()
                        .addMediaType(media, OASFactory.createMediaType().schema(schema)));
                return;
            }
        }
    }

    private static Content json(Schema schema) {
        MediaType media = OASFactory.createMediaType().schema(schema);
        return OASFactory.createContent().addMediaType("application/json", media);
    }

    /** A reference to the record's schema: the scanner's, or one built from the record when the scanner has none. */
    private static Schema ref(Class<?> type, Components components) {
        if (components.getSchemas() != null && components.getSchemas().containsKey(schemaName(type))) {
            return OASFactory.createSchema().ref(schemaName(type));
        }
        Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
        library(schema, type, components);
        return schema;
    }

    /** The name a record's schema has in the document: its {@code @Schema(name)}, else its simple name. */
    static String schemaName(Class<?> type) {
        var schema = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
    }

    /** A {@code Page<X>}: the items (X as the document names it) and the window. */
    private static Schema page(Method method, Components components) {
        Type type = method.getGenericReturnType();
        if (!(type instanceof ParameterizedType parameterized) || parameterized.getRawType() != Page.class
                || !(parameterized.getActualTypeArguments()[0] instanceof Class<?> item)) {
            return null;
        }
        return OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("One page: the items, how many there are in all, and the window asked for")
                .addProperty("items", OASFactory.createSchema().type(SchemaType.ARRAY).items(ref(item, components)))
                .addProperty("total", OASFactory.createSchema().type(SchemaType.INTEGER).format("int64"))
                .addProperty("limit", OASFactory.createSchema().type(SchemaType.INTEGER).format("int32"))
                .addProperty("offset", OASFactory.createSchema().type(SchemaType.INTEGER).format("int32"))
                .required(List.of("items", "total", "limit", "offset"));
    }

    private static void secured(Method method, Operation operation, Map<Integer, String> errors) {
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && !method.isAnnotationPresent(PermitAll.class)) {
            roles = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        if (roles == null) {
            return;
        }
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
        errors.put(401, STANDARD.get(401));
        Set<String> allowed = new LinkedHashSet<>(Arrays.asList(roles.value()));
        if (!allowed.containsAll(EVERY_ROLE)) {
            errors.put(403, "Signed in, but only " + String.join(", ", allowed) + " may do this");
        }
    }

    /** Ids and times of path, query and header parameters; integer defaults as integers. */
    private static void parameters(Method method, Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : method.getParameters()) {
            String name = parameterName(parameter);
            if (name == null) {
                continue;
            }
            operation.getParameters().stream().filter(p -> name.equals(p.getName())).findFirst().ifPresent(p -> {
                if (p.getSchema() != null) {
                    type(p.getSchema(), parameter.getType());
                    if (p.getSchema().getType() == SchemaType.INTEGER && p.getSchema().getDefaultValue() instanceof String text) {
                        p.getSchema().setDefaultValue(Integer.valueOf(text));
                    }
                }
                if (parameter.isAnnotationPresent(PathParam.class)) {
                    p.setRequired(true);
                }
            });
        }
    }

    private static String parameterName(Parameter parameter) {
        if (parameter.getAnnotation(PathParam.class) != null) {
            return parameter.getAnnotation(PathParam.class).value();
        }
        if (parameter.getAnnotation(QueryParam.class) != null) {
            return parameter.getAnnotation(QueryParam.class).value();
        }
        if (parameter.getAnnotation(HeaderParam.class) != null) {
            return parameter.getAnnotation(HeaderParam.class).value();
        }
        return null;
    }

    private static boolean constrained(Parameter parameter) {
        return parameterName(parameter) != null && Arrays.stream(parameter.getAnnotations())
                .anyMatch(a -> a.annotationType().getPackageName().equals("jakarta.validation.constraints"));
    }

    /** The JSON type of a Java type the scanner calls {@code object} or {@code number}. */
    static void type(Schema schema, Class<?> java) {
        if (schema.getRef() != null) {
            return;
        }
        if (java == UUID.class) {
            schema.setType(SchemaType.STRING);
            schema.setFormat("uuid");
        } else if (java == Instant.class) {
            schema.setType(SchemaType.STRING);
            schema.setFormat("date-time");
        } else if (java == LocalDate.class) {
            schema.setType(SchemaType.STRING);
            schema.setFormat("date");
        } else if (java == int.class || java == Integer.class) {
            schema.setType(SchemaType.INTEGER);
            schema.setFormat("int32");
        } else if (java == long.class || java == Long.class) {
            schema.setType(SchemaType.INTEGER);
            schema.setFormat("int64");
        }
    }

    /** Each component schema named after one record of the WAR: its properties typed from the record's components. */
    static void typeRecordProperties(Components components, Map<String, Class<?>> records) {
        if (components.getSchemas() == null) {
            return;
        }
        // a copy: typing a property may add a library record's schema
        new LinkedHashMap<>(components.getSchemas()).forEach((name, schema) -> {
            Class<?> record = records.get(name);
            if (record == null || schema.getProperties() == null) {
                return;
            }
            for (RecordComponent component : record.getRecordComponents()) {
                Schema property = schema.getProperties().get(component.getName());
                if (property == null) {
                    continue;
                }
                if (refused(component)) {
                    // a field the server refuses when it is set (an id, a role): no client should send it
                    schema.removeProperty(component.getName());
                    continue;
                }
                type(property, component.getType());
                library(property, component.getType(), components);
                mapValues(property, component, components);
                if (property.getType() == SchemaType.ARRAY && property.getItems() != null
                        && component.getGenericType() instanceof ParameterizedType list
                        && list.getActualTypeArguments()[0] instanceof Class<?> item) {
                    type(property.getItems(), item);
                    library(property.getItems(), item, components);
                }
            }
        });
    }

    /**
     * A map's values: the scanner writes {@code additionalProperties} for some maps and not for others (which, depends
     * on the order it meets the WAR's classes), so the map is typed here from its value type, always.
     */
    private static void mapValues(Schema property, RecordComponent component, Components components) {
        if (Map.class.isAssignableFrom(component.getType()) && property.getRef() == null
                && component.getGenericType() instanceof ParameterizedType map
                && map.getActualTypeArguments()[1] instanceof Class<?> value) {
            property.setType(SchemaType.OBJECT);
            property.setAdditionalPropertiesSchema(described(value, value, components));
        }
    }

    /**
     * A component annotated {@code @Null}: the request must leave it out (the server assigns it). The annotation
     * does not target record components, so Java keeps it on the accessor (and the field), where it is read.
     */
    private static boolean refused(RecordComponent component) {
        return component.getAccessor().isAnnotationPresent(jakarta.validation.constraints.Null.class);
    }

    /**
     * A record of a library (the platform's PostalAddress, a contract's Shortage), which the scanner does not look
     * into and calls a bare {@code object}: a component schema of its own, typed from its components, and a
     * reference to it. A name the WAR already uses for another schema is left alone.
     */
    static void library(Schema property, Class<?> type, Components components) {
        if (!type.isRecord() || property.getRef() != null || property.getType() != SchemaType.OBJECT
                || (property.getProperties() != null && !property.getProperties().isEmpty())) {
            return;
        }
        String name = schemaName(type);
        Schema known = components.getSchemas() == null ? null : components.getSchemas().get(name);
        if (known == null || known.getProperties() == null || known.getProperties().isEmpty()) {
            // a new schema, or the scanner's empty one for this record
            Schema schema = known == null ? OASFactory.createSchema().type(SchemaType.OBJECT) : known;
            if (known == null) {
                components.addSchema(name, schema); // before its components: a record that refers to itself ends
            }
            for (RecordComponent component : type.getRecordComponents()) {
                schema.addProperty(component.getName(), described(component.getType(), component.getGenericType(), components));
            }
        } else if (!known.getProperties().keySet().equals(componentNames(type))) {
            return; // the name is another schema's
        }
        property.setType(null);
        property.setRef(name);
    }

    private static Set<String> componentNames(Class<?> record) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    /** The schema of a library record's component: its JSON type, a list's items, another record by reference. */
    private static Schema described(Class<?> type, Type generic, Components components) {
        Schema schema = OASFactory.createSchema();
        if (type == String.class) {
            schema.setType(SchemaType.STRING);
        } else if (type == boolean.class || type == Boolean.class) {
            schema.setType(SchemaType.BOOLEAN);
        } else if (type.isEnum()) {
            schema.setType(SchemaType.STRING);
            schema.setEnumeration(Arrays.stream(type.getEnumConstants()).map(e -> (Object) ((Enum<?>) e).name()).toList());
        } else if (List.class.isAssignableFrom(type)) {
            schema.setType(SchemaType.ARRAY);
            Class<?> item = generic instanceof ParameterizedType list && list.getActualTypeArguments()[0] instanceof Class<?> c
                    ? c : Object.class;
            schema.setItems(described(item, item, components));
        } else {
            schema.setType(SchemaType.OBJECT);
            type(schema, type);
            library(schema, type, components);
        }
        return schema;
    }

    static String operationId(Method method) {
        String resource = method.getDeclaringClass().getSimpleName().replaceFirst("Resource$", "");
        String name = method.getName();
        return resource.substring(0, 1).toLowerCase(Locale.ROOT) + resource.substring(1)
                + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /**
     * The resource methods of the WAR's own classes by "HTTPMETHOD /path" (as the document writes paths), and its
     * records by schema name (their {@code @Schema(name)}, else their simple name; a name two records still share is
     * left out: the scanner merged them).
     */
    static Map<String, Method> resourceMethods(ClassLoader loader, Map<String, Class<?>> records) {
        Map<String, Method> methods = new HashMap<>();
        Map<String, List<Class<?>>> named = new HashMap<>();
        Map<String, List<Class<?>>> alike = new HashMap<>();
        for (Class<?> type : ownClasses(loader)) {
            if (type.isRecord()) {
                var schema = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
                if (schema != null && !schema.name().isEmpty()) {
                    named.computeIfAbsent(schema.name(), k -> new ArrayList<>()).add(type);
                } else {
                    alike.computeIfAbsent(type.getSimpleName(), k -> new ArrayList<>()).add(type);
                }
            }
            Path base = type.getAnnotation(Path.class);
            if (base == null || type.isInterface()) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                methods.put(http + " " + documentPath(base.value() + "/" + (sub == null ? "" : sub.value())), method);
            }
        }
        // a record that names its schema wins over those only called alike (a private Step elsewhere); a name
        // still shared is left out: the scanner merged those records
        alike.forEach((name, types) -> named.putIfAbsent(name, types));
        named.forEach((name, types) -> {
            if (types.size() == 1) {
                records.put(name, types.get(0));
            }
        });
        return methods;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** {@code users/{id: [0-9]+}/} → {@code /users/{id}}. */
    static String documentPath(String path) {
        String plain = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        if (!plain.startsWith("/")) {
            plain = "/" + plain;
        }
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }

    /** The classes under com.forno.pizzeria in the WAR's WEB-INF/classes (directories, not the libraries' jars). */
    private static List<Class<?>> ownClasses(ClassLoader loader) {
        List<Class<?>> classes = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(ROOT_PACKAGE))) {
                if ("file".equals(url.getProtocol())) {
                    File root = new File(url.toURI());
                    collect(root, ROOT_PACKAGE.replace('/', '.'), loader, classes);
                }
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "OpenAPI: could not list the application's classes", e);
        }
        return classes;
    }

    private static void collect(File directory, String packageName, ClassLoader loader, List<Class<?>> classes) {
        File[] files = directory.listFiles();
        if (files == null) {
            return;
        }
        for (File file : files) {
            if (file.isDirectory()) {
                collect(file, packageName + "." + file.getName(), loader, classes);
            } else if (file.getName().endsWith(".class")) {
                String name = packageName + "." + file.getName().substring(0, file.getName().length() - ".class".length());
                try {
                    classes.add(Class.forName(name, false, loader));
                } catch (Throwable e) {
                    // a class that cannot be loaded here is no resource of this document
                }
            }
        }
    }
}
