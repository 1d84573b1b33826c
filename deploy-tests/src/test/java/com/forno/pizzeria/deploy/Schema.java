package com.forno.pizzeria.deploy;

import com.forno.pizzeria.deploy.Manifests.Manifest;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes schema, as client-java-api's generated model classes know it. Their own validation (run by the
 * Gson of {@link JSON}) rejects unknown (misspelled) and missing required fields at every level; the strict
 * adapters added here reject wrong types, which Gson alone would coerce ("8080" into an int, 8080 into a string).
 */
final class Schema {

    /** Every apiVersion/kind the project uses; anything else is an error (an object no one validated). */
    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", V1Namespace.class),
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Secret", V1Secret.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("apps/v1/StatefulSet", V1StatefulSet.class),
            Map.entry("batch/v1/Job", V1Job.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", V1Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", V1RoleBinding.class));

    private static final Gson STRICT = JSON.getGson().newBuilder().registerTypeAdapterFactory(new StrictScalars()).create();
    /** Plain Gson: builds the model objects without judging them, for the checks that follow the schema's. */
    private static final Gson LENIENT = new GsonBuilder().registerTypeAdapter(byte[].class, new Base64Bytes()).create();

    private Schema() {
    }

    /**
     * What is wrong with one object against the schema (nothing when it is valid): Kubernetes' own, or for the
     * operators' custom resources their CRDs' ({@link CrdSchemas}).
     */
    static List<String> violations(Manifest manifest) {
        if (CrdSchemas.covers(manifest)) {
            return CrdSchemas.violations(manifest);
        }
        Class<?> type = TYPES.get(manifest.apiVersion() + "/" + manifest.kind());
        if (type == null) {
            return List.of(manifest + ": " + manifest.apiVersion() + " " + manifest.kind() + " is not a kind these checks know");
        }
        JsonElement json = LENIENT.toJsonTree(manifest.raw());
        try {
            STRICT.fromJson(json, type);
            return List.of();
        } catch (RuntimeException e) {
            String message = Optional.ofNullable(e.getCause()).filter(IOException.class::isInstance)
                    .map(Throwable::getMessage).orElse(e.getMessage());
            // the model's messages end with the whole JSON document: keep the sentence
            return List.of(manifest + ": " + String.valueOf(message).replaceAll("(?s)( in the JSON string: | JSON: ).*", ""));
        }
    }

    static <T> Optional<T> as(Manifest manifest, Class<T> type) {
        if (TYPES.get(manifest.apiVersion() + "/" + manifest.kind()) != type) {
            return Optional.empty();
        }
        return Optional.of(LENIENT.fromJson(LENIENT.toJsonTree(manifest.raw()), type));
    }

    static <T> List<T> all(List<Manifest> manifests, Class<T> type) {
        List<T> objects = new ArrayList<>();
        manifests.forEach(manifest -> as(manifest, type).ifPresent(objects::add));
        return objects;
    }

    /** A Secret's data: base64 text, as in the API. */
    private static final class Base64Bytes extends TypeAdapter<byte[]> {

        @Override
        public void write(JsonWriter out, byte[] value) throws IOException {
            out.value(value == null ? null : java.util.Base64.getEncoder().encodeToString(value));
        }

        @Override
        public byte[] read(JsonReader in) throws IOException {
            return java.util.Base64.getMimeDecoder().decode(in.nextString());
        }
    }

    /** Strings must be JSON strings, numbers numbers, booleans booleans: no silent conversion. */
    private static final class StrictScalars implements TypeAdapterFactory {

        private static final Set<Class<?>> NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class,
                Double.class, double.class, Float.class, float.class);

        @Override
        @SuppressWarnings("unchecked")
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Class<?> raw = type.getRawType();
            JsonToken expected;
            if (raw == String.class) {
                expected = JsonToken.STRING;
            } else if (raw == Boolean.class || raw == boolean.class) {
                expected = JsonToken.BOOLEAN;
            } else if (NUMBERS.contains(raw)) {
                expected = JsonToken.NUMBER;
            } else {
                return null;
            }
            TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
            return new TypeAdapter<>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    delegate.write(out, value);
                }

                @Override
                public T read(JsonReader in) throws IOException {
                    JsonToken actual = in.peek();
                    if (actual != expected && actual != JsonToken.NULL) {
                        throw new IOException("wrong type at " + in.getPath() + ": expected a "
                                + expected.name().toLowerCase() + ", found a " + actual.name().toLowerCase());
                    }
                    return delegate.read(in);
                }
            };
        }
    }
}
