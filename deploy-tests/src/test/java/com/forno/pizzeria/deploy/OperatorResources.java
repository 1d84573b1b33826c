package com.forno.pizzeria.deploy;

import com.forno.pizzeria.deploy.ManifestRules.Workload;
import com.forno.pizzeria.deploy.Manifests.Manifest;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the operators make of their custom resources, as far as the other objects depend on it, and the references
 * between them that no schema sees:
 * <ul>
 * <li>the pods (labels, ports, image) and Services a CloudNativePG {@code Cluster} or a {@code RabbitmqCluster} will
 * have, so that selectors, NetworkPolicies and URLs are checked against them;</li>
 * <li>every Secret, ConfigMap (and key), cluster, user and vhost a custom resource names exists;</li>
 * <li>the services' URLs of each other (http://stock:8080) and JDBC URLs name an existing Service, the JDBC URLs the
 * Cluster's read-write Service when there is a Cluster;
 * their AMQP URIs an existing Service and, with the RabbitMQ operators, a broker User whose credentials they
 * carry; their database passwords are those of the managed roles.</li>
 * </ul>
 */
final class OperatorResources {

    static final String CNPG = "postgresql.cnpg.io/v1";
    static final String RABBITMQ = "rabbitmq.com/v1beta1";

    /** Fields that name a Secret ({name}), and fields that name a Secret's key ({name, key}). */
    private static final Set<String> SECRET_NAMES = Set.of("passwordSecret", "superuserSecret", "importCredentialsSecret",
            "connectionSecret", "secret");
    private static final Set<String> SECRET_KEYS = Set.of("accessKeyId", "secretAccessKey", "region", "sessionToken",
            "endpointCA");
    /** The database (user key, password key) pairs a WAR's environment carries. */
    private static final Map<String, String> DATABASE_LOGINS = Map.of(
            "PIZZERIA_DATASOURCE_USER", "PIZZERIA_DATASOURCE_PASSWORD", "AI_ANALYTICS_USER", "AI_ANALYTICS_PASSWORD");

    private final List<Manifest> manifests;
    private final Map<String, Map<String, String>> configMaps = new HashMap<>();
    private final Map<String, Map<String, String>> secrets = new HashMap<>();

    OperatorResources(List<Manifest> manifests, List<Manifest> outOfBand) {
        this.manifests = manifests;
        List<Manifest> everything = new ArrayList<>(manifests);
        everything.addAll(outOfBand);
        for (V1ConfigMap map : Schema.all(everything, V1ConfigMap.class)) {
            configMaps.put(map.getMetadata().getName(), Optional.ofNullable(map.getData()).orElse(Map.of()));
        }
        for (V1Secret secret : Schema.all(everything, V1Secret.class)) {
            Map<String, String> values = new LinkedHashMap<>();
            Optional.ofNullable(secret.getData()).orElse(Map.of())
                    .forEach((key, bytes) -> values.put(key, new String(bytes, StandardCharsets.UTF_8)));
            Optional.ofNullable(secret.getStringData()).ifPresent(values::putAll);
            secrets.put(secret.getMetadata().getName(), values);
        }
    }

    /** The pods the operators will run: what Services, budgets and NetworkPolicies select. */
    static List<Workload> pods(List<Manifest> manifests) {
        List<Workload> pods = new ArrayList<>();
        for (Manifest cluster : of(manifests, CNPG, "Cluster")) {
            Map<String, String> labels = new LinkedHashMap<>(strings(at(cluster.raw(), "spec", "inheritedMetadata", "labels")));
            // CloudNativePG's own labels on every instance pod
            labels.put("cnpg.io/cluster", cluster.name());
            labels.put("cnpg.io/podRole", "instance");
            pods.add(pod("Cluster/" + cluster.name(), labels, "postgres", (String) at(cluster.raw(), "spec", "imageName"),
                    Map.of("postgresql", 5432, "metrics", 9187, "status", 8000)));
        }
        for (Manifest cluster : of(manifests, RABBITMQ, "RabbitmqCluster")) {
            // the RabbitMQ Cluster Operator's labels on every node's pod
            Map<String, String> labels = Map.of("app.kubernetes.io/name", cluster.name(),
                    "app.kubernetes.io/component", "rabbitmq", "app.kubernetes.io/part-of", "rabbitmq");
            pods.add(pod("RabbitmqCluster/" + cluster.name(), labels, "rabbitmq", (String) at(cluster.raw(), "spec", "image"),
                    Map.of("amqp", 5672, "management", 15672, "prometheus", 15692, "epmd", 4369, "cluster-links", 25672)));
        }
        return pods;
    }

    /** The Services of the manifests and those the operators make: Cluster c: c-rw, c-ro, c-r; RabbitmqCluster r: r, r-nodes. */
    Set<String> services() {
        Set<String> names = new TreeSet<>();
        Schema.all(manifests, V1Service.class).forEach(s -> names.add(s.getMetadata().getName()));
        of(manifests, CNPG, "Cluster").forEach(c -> names.addAll(List.of(c.name() + "-rw", c.name() + "-ro", c.name() + "-r")));
        of(manifests, RABBITMQ, "RabbitmqCluster").forEach(r -> names.addAll(List.of(r.name(), r.name() + "-nodes")));
        return names;
    }

    /** Every reference of the rule operator-references, one line per one that does not resolve. */
    List<String> references() {
        List<String> violations = new ArrayList<>();
        for (Manifest manifest : manifests) {
            if (manifest.apiVersion().equals(CNPG) || manifest.apiVersion().equals(RABBITMQ)) {
                walk(manifest, null, manifest.raw().get("spec"), violations);
                clusterReferences(manifest, violations);
            }
        }
        managedRoles(violations);
        brokerUsers(violations);
        urls(violations);
        return violations;
    }

    /** Secrets and ConfigMaps named anywhere in a custom resource's spec. */
    private void walk(Manifest manifest, String field, Object node, List<String> violations) {
        if (node instanceof Map<?, ?> map) {
            Object name = map.get("name");
            if (field != null && SECRET_NAMES.contains(field) && name != null) {
                requireKey(violations, manifest + " " + field, "Secret", secrets, name.toString(), null);
            } else if (field != null && SECRET_KEYS.contains(field) && name != null) {
                requireKey(violations, manifest + " " + field, "Secret", secrets, name.toString(), String.valueOf(map.get("key")));
            }
            map.forEach((key, value) -> walk(manifest, String.valueOf(key), value, violations));
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> ref && ("configMapRefs".equals(field) || "customQueriesConfigMap".equals(field))) {
                    requireKey(violations, manifest + " " + field, "ConfigMap", configMaps, String.valueOf(ref.get("name")), String.valueOf(ref.get("key")));
                } else if (item instanceof Map<?, ?> ref && ("secretRefs".equals(field) || "customQueriesSecret".equals(field))) {
                    requireKey(violations, manifest + " " + field, "Secret", secrets, String.valueOf(ref.get("name")), String.valueOf(ref.get("key")));
                } else {
                    walk(manifest, field, item, violations);
                }
            }
        }
    }

    /** The cluster, user and vhost a resource acts on exist. */
    private void clusterReferences(Manifest manifest, List<String> violations) {
        Map<String, Object> raw = manifest.raw();
        Object rabbitmq = at(raw, "spec", "rabbitmqClusterReference", "name");
        if (rabbitmq != null && names(RABBITMQ, "RabbitmqCluster").stream().noneMatch(rabbitmq::equals)) {
            violations.add(manifest + ": rabbitmqClusterReference " + rabbitmq + " is no RabbitmqCluster of the manifests");
        }
        Object postgres = at(raw, "spec", "cluster", "name");
        if (manifest.apiVersion().equals(CNPG) && postgres != null && names(CNPG, "Cluster").stream().noneMatch(postgres::equals)) {
            violations.add(manifest + ": cluster " + postgres + " is no Cluster of the manifests");
        }
        Object user = at(raw, "spec", "userReference", "name");
        if (user != null && names(RABBITMQ, "User").stream().noneMatch(user::equals)) {
            violations.add(manifest + ": userReference " + user + " is no User of the manifests");
        }
        Object vhost = at(raw, "spec", "vhost");
        if (vhost != null && !manifest.kind().equals("Vhost") && of(manifests, RABBITMQ, "Vhost").stream()
                .noneMatch(v -> vhost.equals(at(v.raw(), "spec", "name")))) {
            violations.add(manifest + ": vhost " + vhost + " is no Vhost of the manifests");
        }
        if (manifest.kind().equals("User") && at(raw, "spec", "importCredentialsSecret", "name") == null) {
            violations.add(manifest + ": no importCredentialsSecret (the operator would invent the user's name)");
        }
    }

    /** A managed role's Secret holds that role's name, as CloudNativePG requires. */
    private void managedRoles(List<String> violations) {
        for (Manifest cluster : of(manifests, CNPG, "Cluster")) {
            for (Object role : list(at(cluster.raw(), "spec", "managed", "roles"))) {
                Object name = at(role, "name");
                Object secret = at(role, "passwordSecret", "name");
                Map<String, String> values = secret == null ? null : secrets.get(secret.toString());
                if (values != null && !Objects.equals(values.get("username"), name)) {
                    violations.add(cluster + ": managed role " + name + "'s Secret " + secret + " has username "
                            + values.get("username"));
                }
            }
        }
    }

    /** A broker User's credentials Secret has a username and a password. */
    private void brokerUsers(List<String> violations) {
        for (Manifest user : of(manifests, RABBITMQ, "User")) {
            Object secret = at(user.raw(), "spec", "importCredentialsSecret", "name");
            Map<String, String> values = secret == null ? null : secrets.get(secret.toString());
            if (values != null && (values.get("username") == null || values.get("password") == null)) {
                violations.add(user + ": Secret " + secret + " has no username and password");
            }
        }
    }

    /**
     * The WARs' JDBC URLs (ConfigMaps) and AMQP URIs (Secrets) name existing Services: with a CloudNativePG Cluster
     * its read-write Service, and with RabbitMQ's operators a User whose credentials the URI carries. A WAR's
     * database password is its managed role's.
     */
    private void urls(List<String> violations) {
        Set<String> services = services();
        List<String> readWrite = names(CNPG, "Cluster").stream().map(name -> name + "-rw").toList();
        for (Map.Entry<String, Map<String, String>> map : configMaps.entrySet()) {
            map.getValue().forEach((key, value) -> {
                // a service's HTTP URL to another in the namespace (ORDERS_STOCK_URL=http://stock:8080): its Service
                if (value.matches("https?://[a-z0-9-]+(:\\d+)?(/.*)?") && !services.contains(URI.create(value).getHost())) {
                    violations.add("ConfigMap/" + map.getKey() + " " + key + ": " + URI.create(value).getHost()
                            + " is no Service of the manifests");
                }
                if (!value.startsWith("jdbc:postgresql://")) {
                    return;
                }
                String host = URI.create(value.substring("jdbc:".length())).getHost();
                if (!services.contains(host)) {
                    violations.add("ConfigMap/" + map.getKey() + " " + key + ": " + host + " is no Service of the manifests");
                } else if (!readWrite.isEmpty() && !readWrite.contains(host)) {
                    violations.add("ConfigMap/" + map.getKey() + " " + key + ": " + host
                            + " is not the CloudNativePG read-write Service " + readWrite);
                }
            });
        }
        Map<String, String> brokerUsers = new HashMap<>();
        for (Manifest user : of(manifests, RABBITMQ, "User")) {
            Object secret = at(user.raw(), "spec", "importCredentialsSecret", "name");
            Map<String, String> values = secret == null ? Map.of() : secrets.getOrDefault(secret.toString(), Map.of());
            if (values.get("username") != null) {
                brokerUsers.put(values.get("username"), values.get("password"));
            }
        }
        boolean operators = !names(RABBITMQ, "RabbitmqCluster").isEmpty();
        for (Map.Entry<String, Map<String, String>> secret : secrets.entrySet()) {
            secret.getValue().forEach((key, value) -> {
                if (!value.startsWith("amqp://")) {
                    return;
                }
                URI uri = URI.create(value);
                String id = "Secret/" + secret.getKey() + " " + key;
                if (!services.contains(uri.getHost())) {
                    violations.add(id + ": " + uri.getHost() + " is no Service of the manifests");
                }
                String[] credentials = Optional.ofNullable(uri.getUserInfo()).orElse(":").split(":", 2);
                if (operators && !Objects.equals(brokerUsers.get(credentials[0]), credentials[1])) {
                    violations.add(id + ": the broker user " + credentials[0] + " is no User of the manifests with that password");
                }
            });
        }
        Map<String, String> rolePasswords = new HashMap<>();
        for (Manifest cluster : of(manifests, CNPG, "Cluster")) {
            for (Object role : list(at(cluster.raw(), "spec", "managed", "roles"))) {
                Object secret = at(role, "passwordSecret", "name");
                Optional.ofNullable(secret == null ? null : secrets.get(secret.toString()))
                        .ifPresent(values -> rolePasswords.put(String.valueOf(at(role, "name")), values.get("password")));
            }
        }
        if (rolePasswords.isEmpty()) {
            return;
        }
        for (V1Deployment deployment : Schema.all(manifests, V1Deployment.class)) {
            for (V1Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                Map<String, String> environment = new HashMap<>();
                for (V1EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                    if (source.getConfigMapRef() != null) {
                        environment.putAll(configMaps.getOrDefault(source.getConfigMapRef().getName(), Map.of()));
                    } else if (source.getSecretRef() != null) {
                        environment.putAll(secrets.getOrDefault(source.getSecretRef().getName(), Map.of()));
                    }
                }
                DATABASE_LOGINS.forEach((userKey, passwordKey) -> {
                    String role = environment.get(userKey);
                    if (role != null && !Objects.equals(rolePasswords.get(role), environment.get(passwordKey))) {
                        violations.add("Deployment/" + deployment.getMetadata().getName() + ": " + passwordKey
                                + " is not the password of the managed role " + role);
                    }
                });
            }
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static Workload pod(String id, Map<String, String> labels, String container, String image, Map<String, Integer> ports) {
        List<V1ContainerPort> declared = new ArrayList<>();
        ports.forEach((name, number) -> declared.add(new V1ContainerPort().name(name).containerPort(number)));
        V1PodTemplateSpec template = new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(labels))
                .spec(new V1PodSpec().addContainersItem(new V1Container().name(container).image(image).ports(declared)));
        return new Workload(id, null, template);
    }

    private List<String> names(String apiVersion, String kind) {
        return of(manifests, apiVersion, kind).stream().map(Manifest::name).toList();
    }

    static List<Manifest> of(List<Manifest> manifests, String apiVersion, String kind) {
        return manifests.stream().filter(m -> m.apiVersion().equals(apiVersion) && m.kind().equals(kind)).toList();
    }

    private static void requireKey(List<String> violations, String id, String kind, Map<String, Map<String, String>> objects,
                                   String name, String key) {
        Map<String, String> keys = objects.get(name);
        if (keys == null) {
            violations.add(id + ": " + kind + " " + name + " exists neither in the manifests nor among the objects created out of band");
        } else if (key != null && !keys.containsKey(key)) {
            violations.add(id + ": " + kind + " " + name + " has no key " + key);
        }
    }

    /** The value at a path of nested maps, or null. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    static List<?> list(Object node) {
        return node instanceof List<?> list ? list : List.of();
    }

    private static Map<String, String> strings(Object node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
        }
        return values;
    }
}
