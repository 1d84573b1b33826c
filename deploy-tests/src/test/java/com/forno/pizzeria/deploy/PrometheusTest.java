package com.forno.pizzeria.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** monitoring/prometheus: the three configs and the alert rules, checked by promtool (Prometheus 2.42, offline). */
class PrometheusTest {

    private static final Path PROMETHEUS = Repository.path("monitoring/prometheus");
    private static final List<String> REQUIRED_ALERTS = List.of("StockLow", "ProductSoldOut", "PaymentFailureRateHigh",
            "DeadLettersPresent", "OutboxStuck", "InstanceDown", "DecisionSlow", "StockLevelsStale",
            "ConfirmedOrderLostItsStock", "PaymentsUnresolved", "PeriodicTaskFailing", "BrokerBlocksPublishing",
            "ReportsLagging", "PostgresStandbyMissing", "PostgresWalArchivingFailing");

    /** The local template rendered as the launcher will (render-local.sh, bin/pizzeria's default port base). */
    private static Path renderedLocalConfig() {
        Path out = Repository.work("prometheus/prometheus.local.yml");
        Tools.output(Repository.ROOT, "bash", "monitoring/prometheus/render-local.sh", out.toString(), "9100");
        return out;
    }

    @Test
    void theLocalTemplateRendersToAValidConfig() {
        Tools.Result check = Tools.run(Repository.ROOT, "promtool", "check", "config", renderedLocalConfig().toString());
        assertThat(check.ok()).as(check.report()).isTrue();
        assertThat(check.out()).contains("1 rule files found");
    }

    @Test
    void theLocalConfigScrapesEveryInstanceOfTheLauncherOnItsPort() {
        Map<String, String> expected = new HashMap<>();
        Repository.instanceOffsets().forEach((instance, offset) -> expected.put(instance, "127.0.0.1:" + (9100 + offset)));

        for (Map<String, Object> job : jobs(Repository.read(renderedLocalConfig()))) {
            if (!String.valueOf(job.get("job_name")).startsWith("pizzeria-")) {
                continue;
            }
            Map<String, String> scraped = new HashMap<>();
            for (Map<String, Object> group : list(job.get("static_configs"))) {
                Map<?, ?> labels = (Map<?, ?>) group.get("labels");
                scraped.put(String.valueOf(labels.get("instance")), String.valueOf(((List<?>) group.get("targets")).get(0)));
            }
            assertThat(scraped).as(job.get("job_name").toString()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prometheus.kubernetes.yml", "prometheus.compose.yml"})
    void theKubernetesAndComposeConfigsAreValid(String config) {
        Tools.Result check = Tools.run(PROMETHEUS, "promtool", "check", "config", config);
        assertThat(check.ok()).as(check.report()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prometheus.local.yml.template", "prometheus.kubernetes.yml", "prometheus.compose.yml"})
    void everyConfigScrapesEachMetricsScopeAsItsOwnJob(String config) {
        Map<String, Object> scopes = new HashMap<>();
        for (Map<String, Object> job : jobs(Repository.read(PROMETHEUS.resolve(config)))) {
            if (job.get("params") instanceof Map<?, ?> params) {
                scopes.put(String.valueOf(job.get("job_name")), params.get("scope"));
            }
        }
        assertThat(scopes).containsExactlyInAnyOrderEntriesOf(Map.of("pizzeria-application", List.of("application"),
                "pizzeria-base", List.of("base"), "pizzeria-vendor", List.of("vendor")));
    }

    @Test
    void theAlertRulesAreValid() {
        Tools.Result check = Tools.run(PROMETHEUS.resolve("rules"), "promtool", "check", "rules", "pizzeria.rules.yml");
        assertThat(check.ok()).as(check.report()).isTrue();
    }

    @Test
    void theAlertRulesPassTheirUnitTests() {
        Tools.Result test = Tools.run(PROMETHEUS.resolve("rules"), "promtool", "test", "rules", "pizzeria.rules.test.yml");
        assertThat(test.ok()).as(test.report()).isTrue();
    }

    @Test
    void everyRequiredAlertExistsAndHasAUnitTest() {
        String rules = Repository.read(PROMETHEUS.resolve("rules/pizzeria.rules.yml"));
        String tests = Repository.read(PROMETHEUS.resolve("rules/pizzeria.rules.test.yml"));
        List<String> missing = new ArrayList<>();
        for (String alert : REQUIRED_ALERTS) {
            if (!rules.contains("- alert: " + alert + "\n")) {
                missing.add(alert + " (rule)");
            }
            if (!tests.contains("alertname: " + alert + "\n")) {
                missing.add(alert + " (unit test)");
            }
        }
        assertThat(missing).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jobs(String yaml) {
        Map<String, Object> config = new Yaml().load(yaml);
        return (List<Map<String, Object>>) config.get("scrape_configs");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
