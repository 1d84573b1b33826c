package com.forno.pizzeria.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.deploy.GatewayRoutes.Destination;
import com.forno.pizzeria.deploy.Manifests.Manifest;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rendered overlays (`kubectl kustomize kubernetes/overlays/dev|prod`) keep every rule of {@link ManifestRules}
 * (that the rules catch their mistakes is {@link BrokenManifestSamplesTest}'s job), route like the nginx gateway,
 * and are what each environment promises.
 */
class KubernetesManifestsTest {

    private static ManifestRules rules(String overlay) {
        return new ManifestRules(Manifests.overlay(overlay), Manifests.madeSecrets(overlay));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "eks", "prod-pitr"})
    void everyObjectMatchesTheKubernetesSchema(String overlay) {
        assertThat(rules(overlay).schema()).isEmpty();
        assertThat(new ManifestRules(Manifests.madeSecrets(overlay), List.of()).schema()).as("make-secrets.sh's objects").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "eks", "prod-pitr"})
    void everyOperatorReferenceAndServiceUrlResolves(String overlay) {
        assertThat(rules(overlay).operatorReferences()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "eks", "prod-pitr"})
    void everySelectorMatchesPods(String overlay) {
        assertThat(rules(overlay).selectors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "eks", "prod-pitr"})
    void everyServiceTargetPortIsAContainerPort(String overlay) {
        assertThat(rules(overlay).servicePorts()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "eks", "prod-pitr"})
    void everyAutoscalerTargetsAnExistingDeployment(String overlay) {
        assertThat(rules(overlay).hpaTargets()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "eks", "prod-pitr"})
    void everyIngressBackendIsAnExistingServicePort(String overlay) {
        assertThat(rules(overlay).ingressBackends()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "eks", "prod-pitr"})
    void everyProbeIsOnAHealthEndpointAndAContainerPort(String overlay) {
        assertThat(rules(overlay).probes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "eks", "prod-pitr"})
    void everyEnvironmentVariableIsAConfigKeyTheWarReads(String overlay) {
        assertThat(rules(overlay).environment()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "eks", "prod-pitr"})
    void everyImageIsBuiltByADockerfileOrPinned(String overlay) {
        assertThat(rules(overlay).images()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "eks", "prod-pitr"})
    void theIngressRoutesEveryPathLikeTheGateway(String overlay) {
        assertThat(routeMismatches(Schema.all(Manifests.overlay(overlay), V1Ingress.class))).isEmpty();
    }

    @Test
    void theRouteComparisonNoticesAMissingAlias() {
        List<V1Ingress> withoutPedidos = Schema.all(Manifests.overlay("prod"), V1Ingress.class).stream()
                .filter(ingress -> !ingress.getMetadata().getName().equals("pizzeria-alias-pedidos")).toList();

        assertThat(routeMismatches(withoutPedidos)).anyMatch(line -> line.startsWith("/pedidos/sample/1:"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "eks", "prod-pitr"})
    void everyContainerRunsAsNonRootOnAReadOnlyRootFilesystem(String overlay) {
        List<String> violations = new ArrayList<>();
        forEachPod(overlay, (id, spec) -> {
            if (spec.getSecurityContext() == null || !Boolean.TRUE.equals(spec.getSecurityContext().getRunAsNonRoot())) {
                violations.add(id + ": pod not runAsNonRoot");
            }
            List<V1Container> containers = new ArrayList<>(spec.getContainers());
            Optional.ofNullable(spec.getInitContainers()).ifPresent(containers::addAll);
            for (V1Container container : containers) {
                var security = container.getSecurityContext();
                if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())
                        || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                    violations.add(id + " container " + container.getName() + ": root filesystem not read-only or privilege escalation allowed");
                }
                if (container.getResources() == null || container.getResources().getLimits() == null
                        || !container.getResources().getLimits().containsKey("memory")
                        || container.getResources().getRequests() == null
                        || !container.getResources().getRequests().containsKey("memory")) {
                    violations.add(id + " container " + container.getName() + ": no memory request and limit");
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "eks", "prod-pitr"})
    void everyWarWritesOnlyToAnEmptyDirAtTmp(String overlay) {
        List<String> violations = new ArrayList<>();
        forEachPod(overlay, (id, spec) -> {
            for (V1Container container : spec.getContainers()) {
                if (ManifestRules.war(container.getImage()).isEmpty()) {
                    continue;
                }
                boolean tmpIsEmptyDir = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of()).stream()
                        .filter(mount -> mount.getMountPath().equals("/tmp"))
                        .anyMatch(mount -> spec.getVolumes().stream().filter(v -> v.getName().equals(mount.getName()))
                                .map(V1Volume::getEmptyDir).anyMatch(dir -> dir != null));
                if (!tmpIsEmptyDir) {
                    violations.add(id + ": /tmp (Payara's --rootdir and java.io.tmpdir) is not an emptyDir");
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void devRunsOneOfEverything() {
        List<Manifest> dev = Manifests.overlay("dev");
        assertThat(Schema.all(dev, V1Deployment.class)).extracting(d -> d.getSpec().getReplicas()).containsOnly(1);
        assertThat(Schema.all(dev, V1StatefulSet.class)).extracting(s -> s.getSpec().getReplicas()).containsOnly(1);
        assertThat(Schema.all(dev, V2HorizontalPodAutoscaler.class)).isEmpty();
    }

    @Test
    void prodScalesOrdersAndStockAndRunsTheDatabaseAndTheBrokerWithTheOperators() {
        List<Manifest> prod = Manifests.overlay("prod");
        Map<String, Integer> replicas = new java.util.HashMap<>();
        Schema.all(prod, V1Deployment.class).forEach(d -> replicas.put(d.getMetadata().getName(), d.getSpec().getReplicas()));

        assertThat(replicas).containsEntry("orders", 2).containsEntry("stock", 2);
        assertThat(Schema.all(prod, V2HorizontalPodAutoscaler.class))
                .extracting(h -> h.getSpec().getScaleTargetRef().getName() + ">=" + h.getSpec().getMinReplicas())
                .containsExactlyInAnyOrder("orders>=2", "stock>=2");
        assertThat(kinds(prod)).contains("PodDisruptionBudget", "NetworkPolicy");
        // no home-made database or broker: no StatefulSet, no provisioning Job
        assertThat(kinds(prod)).doesNotContain("StatefulSet", "Job");

        Manifest postgres = single(prod, OperatorResources.CNPG, "Cluster");
        assertThat(OperatorResources.at(postgres.raw(), "spec", "instances")).isEqualTo(3);
        assertThat(OperatorResources.at(postgres.raw(), "spec", "postgresql", "synchronous"))
                .isEqualTo(Map.of("method", "any", "number", 1, "dataDurability", "required", "failoverQuorum", true));
        assertThat(OperatorResources.at(postgres.raw(), "spec", "backup", "barmanObjectStore", "destinationPath")).isNotNull();
        assertThat(OperatorResources.at(single(prod, OperatorResources.CNPG, "ScheduledBackup").raw(), "spec", "cluster", "name"))
                .isEqualTo(postgres.name());
        assertThat(OperatorResources.at(single(prod, OperatorResources.RABBITMQ, "RabbitmqCluster").raw(), "spec", "replicas"))
                .isEqualTo(3);
    }

    @Test
    void prodDeclaresEachServicesRoleAndSchemaAndTheReadOnlyAnalyticsRole() {
        List<Manifest> prod = Manifests.overlay("prod");
        Manifest postgres = single(prod, OperatorResources.CNPG, "Cluster");
        Map<String, Object> roles = new java.util.HashMap<>();
        OperatorResources.list(OperatorResources.at(postgres.raw(), "spec", "managed", "roles"))
                .forEach(role -> roles.put(String.valueOf(OperatorResources.at(role, "name")), role));
        var bootstrap = (List<?>) OperatorResources.at(postgres.raw(), "spec", "bootstrap", "initdb", "postInitApplicationSQLRefs", "configMapRefs");
        String sql = Schema.all(prod, io.kubernetes.client.openapi.models.V1ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().equals(OperatorResources.at(bootstrap.get(0), "name")))
                .findFirst().orElseThrow().getData().get(String.valueOf(OperatorResources.at(bootstrap.get(0), "key")));

        // what the services log in as (their ConfigMaps), as bin/pizzeria provisions it: role pizzeria_<service>
        // owning schema <service> (orders also orders_read), found first on its search path
        List<String> missing = new ArrayList<>();
        for (String service : Repository.services()) {
            Map<String, String> config = generated(prod, service + "-config");
            String role = config.get("PIZZERIA_DATASOURCE_USER");
            String schema = config.get("PIZZERIA_DATASOURCE_SCHEMA");
            List<String> statements = new ArrayList<>(List.of("create role " + role + " nologin;",
                    "alter role " + role + " set search_path = " + schema + ";",
                    "create schema " + schema + " authorization " + role + ";"));
            if (service.equals("orders")) {
                statements.add("create schema orders_read authorization " + role + ";");
            }
            statements.stream().filter(statement -> !sql.contains(statement)).forEach(missing::add);
            if (!Boolean.TRUE.equals(OperatorResources.at(roles.get(role), "login"))) {
                missing.add("managed role " + role + " with login");
            }
        }
        String analytics = generated(prod, "ai-config").get("AI_ANALYTICS_USER");
        for (String statement : List.of("create role " + analytics + " nologin nosuperuser nocreatedb nocreaterole;",
                "alter role " + analytics + " set default_transaction_read_only = on;",
                "alter role " + analytics + " set statement_timeout = '3s';")) {
            if (!sql.contains(statement)) {
                missing.add(statement);
            }
        }
        if (!Boolean.TRUE.equals(OperatorResources.at(roles.get(analytics), "login"))) {
            missing.add("managed role " + analytics + " with login");
        }
        assertThat(missing).isEmpty();
        assertThat(roles).hasSize(Repository.services().size() + 1);
    }

    @Test
    void eksChangesOnlyTheDatabaseAndBrokerClustersOfProd() {
        Map<String, Object> prod = new java.util.TreeMap<>();
        Manifests.overlay("prod").forEach(m -> prod.put(m.toString(), m.raw()));
        Map<String, Object> eks = new java.util.TreeMap<>();
        Manifests.overlay("eks").forEach(m -> eks.put(m.toString(), m.raw()));

        assertThat(eks.keySet()).isEqualTo(prod.keySet());
        assertThat(eks.keySet()).filteredOn(id -> !eks.get(id).equals(prod.get(id)))
                .containsExactlyInAnyOrder("Cluster/postgres", "RabbitmqCluster/rabbitmq");
        Manifest postgres = single(Manifests.overlay("eks"), OperatorResources.CNPG, "Cluster");
        // S3 through the instances' IAM role, and the synchronous standby in another zone than the primary
        assertThat(OperatorResources.at(postgres.raw(), "spec", "backup", "barmanObjectStore", "s3Credentials"))
                .isEqualTo(Map.of("inheritFromIAMRole", true));
        assertThat(OperatorResources.at(postgres.raw(), "spec", "postgresql", "synchronous", "nodeFailureDomainKeys"))
                .isEqualTo(List.of("topology.kubernetes.io/zone"));
    }

    @Test
    void prodPitrRecoversPostgresFromTheArchiveProdWritesAndArchivesUnderANewName() {
        Manifest prod = single(Manifests.overlay("prod"), OperatorResources.CNPG, "Cluster");
        Manifest pitr = single(Manifests.overlay("prod-pitr"), OperatorResources.CNPG, "Cluster");
        Object archive = OperatorResources.at(pitr.raw(), "spec", "externalClusters");
        assertThat(OperatorResources.at(pitr.raw(), "spec", "bootstrap", "recovery", "source"))
                .isEqualTo(OperatorResources.at(((List<?>) archive).get(0), "name"));
        assertThat(OperatorResources.at(pitr.raw(), "spec", "bootstrap", "recovery", "recoveryTarget", "targetTime")).isNotNull();
        for (String field : List.of("destinationPath", "endpointURL", "s3Credentials")) {
            assertThat(OperatorResources.at(((List<?>) archive).get(0), "barmanObjectStore", field)).as(field)
                    .isEqualTo(OperatorResources.at(prod.raw(), "spec", "backup", "barmanObjectStore", field));
        }
        // prod archives as server postgres (its name): the recovered cluster reads that, and writes elsewhere
        assertThat(OperatorResources.at(((List<?>) archive).get(0), "barmanObjectStore", "serverName")).isEqualTo(prod.name());
        assertThat(OperatorResources.at(prod.raw(), "spec", "backup", "barmanObjectStore", "serverName")).isNull();
        assertThat(OperatorResources.at(pitr.raw(), "spec", "backup", "barmanObjectStore", "serverName")).isNotEqualTo(prod.name());
    }

    @Test
    void devKeepsTheSimpleStatefulSets() {
        List<Manifest> dev = Manifests.overlay("dev");
        assertThat(Schema.all(dev, V1StatefulSet.class)).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("postgres", "rabbitmq");
        assertThat(dev).noneMatch(m -> CrdSchemas.covers(m));
    }

    /** The data of a ConfigMap of a configMapGenerator (named NAME-&lt;hash&gt;). */
    private static Map<String, String> generated(List<Manifest> manifests, String name) {
        return Schema.all(manifests, io.kubernetes.client.openapi.models.V1ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().matches(java.util.regex.Pattern.quote(name) + "-[a-z0-9]{10}"))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + name)).getData();
    }

    private static Manifest single(List<Manifest> manifests, String apiVersion, String kind) {
        List<Manifest> found = OperatorResources.of(manifests, apiVersion, kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static List<String> routeMismatches(List<V1Ingress> ingresses) {
        GatewayRoutes gateway = new GatewayRoutes(Repository.read(Repository.path("nginx/pizzeria.conf.template")));
        List<String> mismatches = new ArrayList<>();
        for (String path : gateway.samplePaths()) {
            Destination expected = gateway.gateway(path);
            Destination actual = GatewayRoutes.ingress(ingresses, path);
            if (!expected.equals(actual)) {
                mismatches.add(path + ": the gateway sends it to " + expected + ", the Ingress to " + actual);
            }
        }
        return mismatches;
    }

    private interface PodCheck {
        void check(String id, io.kubernetes.client.openapi.models.V1PodSpec spec);
    }

    private static void forEachPod(String overlay, PodCheck check) {
        List<Manifest> manifests = Manifests.overlay(overlay);
        Schema.all(manifests, V1Deployment.class).forEach(d -> check.check("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate().getSpec()));
        Schema.all(manifests, V1StatefulSet.class).forEach(s -> check.check("StatefulSet/" + s.getMetadata().getName(), s.getSpec().getTemplate().getSpec()));
        Schema.all(manifests, io.kubernetes.client.openapi.models.V1Job.class).forEach(j -> check.check("Job/" + j.getMetadata().getName(), j.getSpec().getTemplate().getSpec()));
    }

    private static List<String> kinds(List<Manifest> manifests) {
        return manifests.stream().map(Manifest::kind).map(Function.identity()).distinct().toList();
    }
}
