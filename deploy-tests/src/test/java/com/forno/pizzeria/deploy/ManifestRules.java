package com.forno.pizzeria.deploy;

import com.forno.pizzeria.deploy.Manifests.Manifest;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2MetricSpec;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a set of Kubernetes objects, one method per rule. Each returns what is wrong, one line per
 * mistake, naming the object; an empty list means the objects keep the rule. The schema rule judges each object
 * alone; the others look across objects, at what no schema sees.
 */
final class ManifestRules {

    enum Rule {
        SCHEMA, SELECTORS, SERVICE_PORTS, HPA_TARGETS, INGRESS_BACKENDS, PROBES, ENVIRONMENT, IMAGES, OPERATOR_REFERENCES;

        /** The name broken samples use in their "# expect:" line. */
        String id() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** MicroProfile Health 4.0's endpoints, per probe: what Payara Micro serves for the WARs. */
    static final Map<String, String> HEALTH_ENDPOINTS = Map.of(
            "startupProbe", "/health/started", "readinessProbe", "/health/ready", "livenessProbe", "/health/live");

    /** A pod template and what selects it: a Deployment, a StatefulSet or a Job. */
    record Workload(String id, V1LabelSelector selector, V1PodTemplateSpec template) {

        Map<String, String> podLabels() {
            return template.getMetadata() == null || template.getMetadata().getLabels() == null
                    ? Map.of() : template.getMetadata().getLabels();
        }

        List<V1Container> containers() {
            List<V1Container> all = new ArrayList<>();
            if (template.getSpec() != null) {
                Optional.ofNullable(template.getSpec().getInitContainers()).ifPresent(all::addAll);
                Optional.ofNullable(template.getSpec().getContainers()).ifPresent(all::addAll);
            }
            return all;
        }
    }

    private final List<Manifest> manifests;
    private final List<Manifest> outOfBand;
    private final List<Workload> workloads = new ArrayList<>();

    /**
     * @param manifests the objects to check
     * @param outOfBand objects that exist in the cluster without being in the manifests (make-secrets.sh's)
     */
    ManifestRules(List<Manifest> manifests, List<Manifest> outOfBand) {
        this.manifests = manifests;
        this.outOfBand = outOfBand;
        Schema.all(manifests, V1Deployment.class).forEach(d -> workloads.add(new Workload(
                "Deployment/" + d.getMetadata().getName(), d.getSpec().getSelector(), d.getSpec().getTemplate())));
        Schema.all(manifests, V1StatefulSet.class).forEach(s -> workloads.add(new Workload(
                "StatefulSet/" + s.getMetadata().getName(), s.getSpec().getSelector(), s.getSpec().getTemplate())));
        Schema.all(manifests, V1Job.class).forEach(j -> workloads.add(new Workload(
                "Job/" + j.getMetadata().getName(), null, j.getSpec().getTemplate())));
        // the pods the operators will run for their clusters (selectors, policies and images see them too)
        workloads.addAll(OperatorResources.pods(manifests));
    }

    Map<Rule, List<String>> all() {
        Map<Rule, List<String>> violations = new EnumMap<>(Rule.class);
        violations.put(Rule.SCHEMA, schema());
        violations.put(Rule.SELECTORS, selectors());
        violations.put(Rule.SERVICE_PORTS, servicePorts());
        violations.put(Rule.HPA_TARGETS, hpaTargets());
        violations.put(Rule.INGRESS_BACKENDS, ingressBackends());
        violations.put(Rule.PROBES, probes());
        violations.put(Rule.ENVIRONMENT, environment());
        violations.put(Rule.IMAGES, images());
        violations.put(Rule.OPERATOR_REFERENCES, operatorReferences());
        return violations;
    }

    /** Every object is valid against the Kubernetes schema: no unknown field, no wrong type, no missing field. */
    List<String> schema() {
        List<String> violations = new ArrayList<>();
        manifests.forEach(manifest -> violations.addAll(Schema.violations(manifest)));
        return violations;
    }

    /** Every selector selects something: a workload its own pods, Services, budgets and policies some pods. */
    List<String> selectors() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : workloads) {
            if (workload.selector() != null && !matches(workload.selector(), workload.podLabels())) {
                violations.add(workload.id() + ": selector " + describe(workload.selector())
                        + " does not match its own pod labels " + workload.podLabels());
            }
            if (workload.template().getSpec() != null && workload.template().getSpec().getTopologySpreadConstraints() != null) {
                for (V1TopologySpreadConstraint spread : workload.template().getSpec().getTopologySpreadConstraints()) {
                    if (spread.getLabelSelector() != null && !matches(spread.getLabelSelector(), workload.podLabels())) {
                        violations.add(workload.id() + ": topology spread selector " + describe(spread.getLabelSelector())
                                + " does not match its own pods");
                    }
                }
            }
        }
        for (V1Service service : Schema.all(manifests, V1Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector != null && !selector.isEmpty() && selected(selector).isEmpty()) {
                violations.add("Service/" + service.getMetadata().getName() + ": selector " + selector + " matches no pod");
            }
        }
        for (V1PodDisruptionBudget budget : Schema.all(manifests, V1PodDisruptionBudget.class)) {
            if (noPodMatches(budget.getSpec().getSelector())) {
                violations.add("PodDisruptionBudget/" + budget.getMetadata().getName() + ": selector "
                        + describe(budget.getSpec().getSelector()) + " matches no pod");
            }
        }
        for (V1NetworkPolicy policy : Schema.all(manifests, V1NetworkPolicy.class)) {
            String id = "NetworkPolicy/" + policy.getMetadata().getName();
            if (noPodMatches(policy.getSpec().getPodSelector())) {
                violations.add(id + ": podSelector " + describe(policy.getSpec().getPodSelector()) + " matches no pod");
            }
            for (V1NetworkPolicyIngressRule rule : Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of())) {
                for (V1NetworkPolicyPeer peer : Optional.ofNullable(rule.getFrom()).orElse(List.of())) {
                    // a pod selector without a namespace selector means pods of this namespace: they must exist
                    if (peer.getNamespaceSelector() == null && noPodMatches(peer.getPodSelector())) {
                        violations.add(id + ": ingress from podSelector " + describe(peer.getPodSelector()) + " matches no pod");
                    }
                }
            }
        }
        return violations;
    }

    /** Every port of a Service leads to a port of the containers it selects (by number or by name). */
    List<String> servicePorts() {
        List<String> violations = new ArrayList<>();
        for (V1Service service : Schema.all(manifests, V1Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                continue;
            }
            for (Workload workload : selected(selector)) {
                for (V1ServicePort port : Optional.ofNullable(service.getSpec().getPorts()).orElse(List.of())) {
                    IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                    boolean found = workload.containers().stream().anyMatch(container -> hasPort(container, target));
                    if (!found) {
                        violations.add("Service/" + service.getMetadata().getName() + " port " + port.getPort()
                                + ": target port " + describe(target) + " is not a port of " + workload.id() + "'s containers");
                    }
                }
            }
        }
        return violations;
    }

    /** Every HorizontalPodAutoscaler scales a workload that exists, and can measure what it scales on. */
    List<String> hpaTargets() {
        List<String> violations = new ArrayList<>();
        for (V2HorizontalPodAutoscaler hpa : Schema.all(manifests, V2HorizontalPodAutoscaler.class)) {
            String id = "HorizontalPodAutoscaler/" + hpa.getMetadata().getName();
            var target = hpa.getSpec().getScaleTargetRef();
            String targetId = target.getKind() + "/" + target.getName();
            Optional<Workload> workload = workloads.stream().filter(w -> w.id().equals(targetId)).findFirst();
            if (workload.isEmpty() || !"apps/v1".equals(target.getApiVersion())) {
                violations.add(id + ": scales " + target.getApiVersion() + " " + targetId + ", which does not exist");
                continue;
            }
            boolean onCpu = Optional.ofNullable(hpa.getSpec().getMetrics()).orElse(List.of()).stream()
                    .map(V2MetricSpec::getResource).filter(Objects::nonNull).anyMatch(r -> "cpu".equals(r.getName()));
            for (V1Container container : workload.get().containers()) {
                boolean requestsCpu = container.getResources() != null && container.getResources().getRequests() != null
                        && container.getResources().getRequests().containsKey("cpu");
                if (onCpu && !requestsCpu) {
                    violations.add(id + ": scales on CPU utilization but " + targetId + " container "
                            + container.getName() + " requests no CPU");
                }
            }
        }
        return violations;
    }

    /** Every Ingress backend is a Service that exists, on a port it has; the class is ingress-nginx's. */
    List<String> ingressBackends() {
        List<String> violations = new ArrayList<>();
        Map<String, V1Service> services = new HashMap<>();
        Schema.all(manifests, V1Service.class).forEach(s -> services.put(s.getMetadata().getName(), s));
        for (V1Ingress ingress : Schema.all(manifests, V1Ingress.class)) {
            String id = "Ingress/" + ingress.getMetadata().getName();
            if (!"nginx".equals(ingress.getSpec().getIngressClassName())) {
                violations.add(id + ": ingressClassName is " + ingress.getSpec().getIngressClassName() + ", not nginx");
            }
            List<V1IngressBackend> backends = new ArrayList<>();
            Optional.ofNullable(ingress.getSpec().getDefaultBackend()).ifPresent(backends::add);
            for (V1IngressRule rule : Optional.ofNullable(ingress.getSpec().getRules()).orElse(List.of())) {
                if (rule.getHttp() != null) {
                    rule.getHttp().getPaths().forEach(path -> backends.add(path.getBackend()));
                }
            }
            for (V1IngressBackend backend : backends) {
                if (backend.getService() == null) {
                    violations.add(id + ": a backend that is not a Service");
                    continue;
                }
                String name = backend.getService().getName();
                var port = backend.getService().getPort();
                V1Service service = services.get(name);
                if (service == null) {
                    violations.add(id + ": backend Service " + name + " does not exist");
                } else if (port == null || Optional.ofNullable(service.getSpec().getPorts()).orElse(List.of()).stream()
                        .noneMatch(p -> Objects.equals(p.getPort(), port.getNumber())
                                || (port.getName() != null && port.getName().equals(p.getName())))) {
                    violations.add(id + ": backend Service " + name + " has no port "
                            + (port == null ? "(none given)" : port.getNumber() != null ? port.getNumber() : port.getName()));
                }
            }
        }
        return violations;
    }

    /**
     * Every HTTP probe asks a port the container has; a WAR's container has the three probes, each on its
     * MicroProfile Health endpoint (a probe on another path would pass while the application is not deployed).
     */
    List<String> probes() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : workloads) {
            for (V1Container container : workload.containers()) {
                String id = workload.id() + " container " + container.getName();
                Map<String, V1Probe> probes = new HashMap<>();
                Optional.ofNullable(container.getStartupProbe()).ifPresent(p -> probes.put("startupProbe", p));
                Optional.ofNullable(container.getReadinessProbe()).ifPresent(p -> probes.put("readinessProbe", p));
                Optional.ofNullable(container.getLivenessProbe()).ifPresent(p -> probes.put("livenessProbe", p));
                probes.forEach((kind, probe) -> {
                    V1HTTPGetAction get = probe.getHttpGet();
                    if (get != null && !hasPort(container, get.getPort())) {
                        violations.add(id + ": " + kind + " asks port " + describe(get.getPort()) + ", which the container does not have");
                    }
                });
                if (war(container.getImage()).isPresent()) {
                    HEALTH_ENDPOINTS.forEach((kind, endpoint) -> {
                        V1Probe probe = probes.get(kind);
                        String path = probe == null || probe.getHttpGet() == null ? null : probe.getHttpGet().getPath();
                        if (path == null) {
                            violations.add(id + ": no " + kind + " on GET " + endpoint);
                        } else if (!path.equals(endpoint)) {
                            violations.add(id + ": " + kind + " GET " + path + " is not the health endpoint " + endpoint);
                        }
                    });
                }
            }
        }
        return violations;
    }

    /**
     * Every reference to a ConfigMap or Secret (key) resolves, in the manifests or among the objects created out of
     * band; and every environment variable of a WAR's container, set directly or through envFrom, is a
     * MicroProfile Config key that WAR reads.
     */
    List<String> environment() {
        List<String> violations = new ArrayList<>();
        Map<String, Set<String>> configMaps = new HashMap<>();
        Map<String, Set<String>> secrets = new HashMap<>();
        List<Manifest> everything = new ArrayList<>(manifests);
        everything.addAll(outOfBand);
        for (V1ConfigMap map : Schema.all(everything, V1ConfigMap.class)) {
            configMaps.put(map.getMetadata().getName(), keys(map.getData(), map.getBinaryData()));
        }
        for (V1Secret secret : Schema.all(everything, V1Secret.class)) {
            secrets.put(secret.getMetadata().getName(), keys(secret.getData(), secret.getStringData()));
        }
        for (Workload workload : workloads) {
            for (V1Container container : workload.containers()) {
                String id = workload.id() + " container " + container.getName();
                Set<String> names = new LinkedHashSet<>();
                for (V1EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    names.add(variable.getName());
                    var from = variable.getValueFrom();
                    if (from != null && from.getConfigMapKeyRef() != null && !Boolean.TRUE.equals(from.getConfigMapKeyRef().getOptional())) {
                        missingKey(violations, id, "ConfigMap", configMaps, from.getConfigMapKeyRef().getName(), from.getConfigMapKeyRef().getKey());
                    }
                    if (from != null && from.getSecretKeyRef() != null && !Boolean.TRUE.equals(from.getSecretKeyRef().getOptional())) {
                        missingKey(violations, id, "Secret", secrets, from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey());
                    }
                }
                for (V1EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                    String prefix = Optional.ofNullable(source.getPrefix()).orElse("");
                    String kind = source.getConfigMapRef() != null ? "ConfigMap" : "Secret";
                    String name = source.getConfigMapRef() != null ? source.getConfigMapRef().getName() : source.getSecretRef().getName();
                    Set<String> keys = (source.getConfigMapRef() != null ? configMaps : secrets).get(name);
                    if (keys == null) {
                        violations.add(id + ": envFrom " + kind + " " + name + " exists neither in the manifests nor among "
                                + "the objects of kubernetes/make-secrets.sh");
                    } else {
                        keys.forEach(key -> names.add(prefix + key));
                    }
                }
                // (an image of no module is the images rule's to report)
                Optional<String> service = war(container.getImage()).filter(s -> Files.isDirectory(Repository.path(s + "-war")));
                if (service.isPresent()) {
                    ConfigKeys keys = ConfigKeys.of(service.get());
                    for (String name : names) {
                        if (!keys.readsEnvironmentVariable(name)) {
                            violations.add(id + ": " + name + " is no MicroProfile Config key that " + service.get()
                                    + ".war reads (see its microprofile-config.properties and @ConfigProperty names)");
                        }
                    }
                }
            }
        }
        return violations;
    }

    /**
     * The project's images are pizzeria/&lt;service&gt;:&lt;version&gt;, built by the root's Dockerfile (the web app's by
     * web/Dockerfile) at the root pom's version;
     * every other image names a fixed tag.
     */
    List<String> images() {
        List<String> violations = new ArrayList<>();
        for (Workload workload : workloads) {
            for (V1Container container : workload.containers()) {
                violations.addAll(imageViolations(workload.id() + " container " + container.getName(), container.getImage()));
            }
        }
        return violations;
    }

    static List<String> imageViolations(String where, String image) {
        if (image == null) {
            return List.of(where + ": no image");
        }
        int slash = image.lastIndexOf('/');
        int colon = image.indexOf(':', slash + 1);
        String name = colon < 0 ? image : image.substring(0, colon);
        String tag = colon < 0 ? null : image.substring(colon + 1);
        if (image.startsWith(Repository.IMAGE_PREFIX)) {
            String service = name.substring(Repository.IMAGE_PREFIX.length());
            List<String> violations = new ArrayList<>();
            if (!Files.isRegularFile(Repository.dockerfile(service))) {
                violations.add(where + ": image " + image + " has no Dockerfile that builds it (" + Repository.dockerfile(service) + ")");
            }
            if (!Repository.projectVersion().equals(tag)) {
                violations.add(where + ": image " + image + " is not tagged with the project version " + Repository.projectVersion());
            }
            return violations;
        }
        if (tag == null || tag.equals("latest")) {
            return List.of(where + ": image " + image + " has no fixed tag");
        }
        return List.of();
    }

    /**
     * What the operators' custom resources name exists (Secrets and keys, ConfigMaps, clusters, users, vhosts), and
     * the services reach the operators' clusters: JDBC URLs on the Cluster's read-write Service, AMQP URIs with a
     * broker User's credentials, database passwords of the managed roles ({@link OperatorResources}).
     */
    List<String> operatorReferences() {
        return new OperatorResources(manifests, outOfBand).references();
    }

    /** The service whose WAR an image runs: pizzeria/orders:… is orders. */
    static Optional<String> war(String image) {
        if (image == null || !image.startsWith(Repository.IMAGE_PREFIX)) {
            return Optional.empty();
        }
        String rest = image.substring(Repository.IMAGE_PREFIX.length());
        String name = rest.contains(":") ? rest.substring(0, rest.indexOf(':')) : rest;
        return Repository.services().contains(name) ? Optional.of(name) : Optional.empty(); // not the web app's nginx
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private List<Workload> selected(Map<String, String> selector) {
        return workloads.stream().filter(w -> w.podLabels().entrySet().containsAll(selector.entrySet())).toList();
    }

    private boolean noPodMatches(V1LabelSelector selector) {
        if (selector == null || (isEmpty(selector.getMatchLabels()) && isEmpty(selector.getMatchExpressions()))) {
            return false; // the empty selector selects every pod
        }
        return workloads.stream().noneMatch(w -> matches(selector, w.podLabels()));
    }

    static boolean matches(V1LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (V1LabelSelectorRequirement requirement : Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of())) {
            String value = labels.get(requirement.getKey());
            List<String> values = Optional.ofNullable(requirement.getValues()).orElse(List.of());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasPort(V1Container container, IntOrString port) {
        if (port == null) {
            return false;
        }
        for (V1ContainerPort declared : Optional.ofNullable(container.getPorts()).orElse(List.of())) {
            if (port.isInteger() ? port.getIntValue().equals(declared.getContainerPort()) : port.getStrValue().equals(declared.getName())) {
                return true;
            }
        }
        return false;
    }

    private static void missingKey(List<String> violations, String id, String kind, Map<String, Set<String>> objects,
                                   String name, String key) {
        Set<String> keys = objects.get(name);
        if (keys == null || !keys.contains(key)) {
            violations.add(id + ": refers to " + kind + " " + name + " key " + key + ", which neither the manifests nor "
                    + "kubernetes/make-secrets.sh provide");
        }
    }

    private static Set<String> keys(Map<String, ?> first, Map<String, ?> second) {
        Set<String> keys = new LinkedHashSet<>();
        Optional.ofNullable(first).ifPresent(m -> keys.addAll(m.keySet()));
        Optional.ofNullable(second).ifPresent(m -> keys.addAll(m.keySet()));
        return keys;
    }

    private static boolean isEmpty(Object collection) {
        return collection == null || (collection instanceof Map<?, ?> m && m.isEmpty())
                || (collection instanceof List<?> l && l.isEmpty());
    }

    private static String describe(V1LabelSelector selector) {
        if (selector == null) {
            return "(none)";
        }
        return (selector.getMatchLabels() == null ? "" : selector.getMatchLabels().toString())
                + (selector.getMatchExpressions() == null ? "" : " " + selector.getMatchExpressions().stream()
                .map(r -> r.getKey() + " " + r.getOperator() + " " + r.getValues()).toList());
    }

    private static String describe(IntOrString port) {
        return port == null ? "(none)" : port.isInteger() ? port.getIntValue().toString() : "'" + port.getStrValue() + "'";
    }
}
