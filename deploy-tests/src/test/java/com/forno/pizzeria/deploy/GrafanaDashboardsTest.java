package com.forno.pizzeria.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * monitoring/grafana: Grafana is not packaged for Debian, so the dashboards are checked as files: unique panel
 * ids, every panel on the provisioned datasource, and every query really parsed by promtool (each becomes a
 * recording rule of a generated rule file; Grafana's own variables are replaced by values first). The samples in
 * dashboard-samples/ prove that each check catches its mistake.
 */
class GrafanaDashboardsTest {

    private static final Path DASHBOARDS = Repository.path("monitoring/grafana/dashboards");

    /** What Grafana substitutes before a query reaches Prometheus. */
    private static final Map<String, String> GRAFANA_VARIABLES = Map.of(
            "$__rate_interval", "1m", "$__interval", "15s", "$__range", "6h", "$service", ".*");

    static Stream<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void panelIdsAreUnique(Path dashboard) {
        assertThat(duplicatePanelIds(json(dashboard))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void everyPanelQueriesTheProvisionedDatasource(Path dashboard) {
        assertThat(foreignDatasources(json(dashboard))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void everyPanelQueryIsValidPromql(Path dashboard) {
        assertThat(promqlErrors(json(dashboard), dashboard.getFileName().toString())).isEmpty();
    }

    @Test
    void theDashboardsHaveTheirOwnUids() throws IOException {
        Set<String> uids = new HashSet<>();
        dashboards().forEach(d -> assertThat(uids.add(json(d).get("uid").getAsString())).as(d.toString()).isTrue());
    }

    @Test
    void aDuplicatePanelIdIsCaught() {
        assertThat(duplicatePanelIds(sample("duplicate-panel-id.json"))).containsExactly("panel id 2 is used twice");
    }

    @Test
    void aPanelOnAnotherDatasourceIsCaught() {
        assertThat(foreignDatasources(sample("unknown-datasource.json"))).isNotEmpty()
                .allMatch(line -> line.contains("panel 2") || line.contains("query A uses datasource prometheus-old"));
    }

    @Test
    void anInvalidQueryIsCaught() {
        assertThat(promqlErrors(sample("invalid-promql.json"), "invalid-promql")).singleElement().asString()
                .contains("panel_1_A");
    }

    // --- the checks -----------------------------------------------------------------------------------------

    static List<String> duplicatePanelIds(JsonObject dashboard) {
        Set<Integer> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (JsonObject panel : panels(dashboard)) {
            int id = panel.get("id").getAsInt();
            if (!seen.add(id)) {
                duplicates.add("panel id " + id + " is used twice");
            }
        }
        return duplicates;
    }

    /** Panels, their queries and the template variables must use the uid of the provisioned datasource. */
    static List<String> foreignDatasources(JsonObject dashboard) {
        String uid = provisionedDatasourceUid();
        List<String> foreign = new ArrayList<>();
        List<JsonObject> users = new ArrayList<>();
        for (JsonObject panel : panels(dashboard)) {
            users.add(panel);
            targets(panel).forEach(users::add);
        }
        if (dashboard.has("templating")) {
            dashboard.getAsJsonObject("templating").getAsJsonArray("list").forEach(v -> users.add(v.getAsJsonObject()));
        }
        for (JsonObject user : users) {
            JsonElement datasource = user.get("datasource");
            String used = datasource == null || !datasource.isJsonObject() ? String.valueOf(datasource)
                    : datasource.getAsJsonObject().get("uid").getAsString();
            if (!uid.equals(used)) {
                foreign.add(describe(user) + " uses datasource " + used + ", not the provisioned " + uid);
            }
        }
        return foreign;
    }

    /** promtool's complaints about the queries, each written as a recording rule named panel_&lt;id&gt;_&lt;refId&gt;. */
    static List<String> promqlErrors(JsonObject dashboard, String name) {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonObject panel : panels(dashboard)) {
            for (JsonObject target : targets(panel)) {
                String expr = target.get("expr").getAsString();
                for (Map.Entry<String, String> variable : GRAFANA_VARIABLES.entrySet()) {
                    expr = expr.replace(variable.getKey(), variable.getValue());
                }
                queries.put("panel_" + panel.get("id").getAsInt() + "_" + target.get("refId").getAsString(), expr);
            }
        }
        List<Map<String, String>> rules = new ArrayList<>();
        queries.forEach((record, expr) -> rules.add(Map.of("record", record, "expr", expr)));
        Path file = Repository.work("dashboards/" + name.replace(".json", "") + ".rules.yml");
        try {
            Files.writeString(file, new Yaml().dump(Map.of("groups", List.of(Map.of("name", name, "rules", rules)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tools.Result check = Tools.run(Repository.ROOT, "promtool", "check", "rules", file.toString());
        if (check.ok()) {
            return List.of();
        }
        return (check.out() + check.err()).lines().filter(line -> line.contains("panel_")).toList();
    }

    // --- reading the files ---------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static String provisionedDatasourceUid() {
        Map<String, Object> provisioning = new Yaml().load(
                Repository.read(Repository.path("monitoring/grafana/provisioning/datasources/prometheus.yml")));
        List<Map<String, Object>> datasources = (List<Map<String, Object>>) provisioning.get("datasources");
        return String.valueOf(datasources.get(0).get("uid"));
    }

    /** Every panel, those inside collapsed rows included. */
    static List<JsonObject> panels(JsonObject dashboard) {
        List<JsonObject> panels = new ArrayList<>();
        for (JsonElement element : dashboard.getAsJsonArray("panels")) {
            JsonObject panel = element.getAsJsonObject();
            if ("row".equals(panel.get("type").getAsString())) {
                if (panel.has("panels")) {
                    panel.getAsJsonArray("panels").forEach(p -> panels.add(p.getAsJsonObject()));
                }
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    private static List<JsonObject> targets(JsonObject panel) {
        List<JsonObject> targets = new ArrayList<>();
        JsonArray array = panel.has("targets") ? panel.getAsJsonArray("targets") : new JsonArray();
        array.forEach(t -> targets.add(t.getAsJsonObject()));
        return targets;
    }

    private static String describe(JsonObject user) {
        if (user.has("title")) {
            return "panel " + user.get("id") + " (" + user.get("title").getAsString() + ")";
        }
        return user.has("refId") ? "query " + user.get("refId").getAsString() : "variable " + user.get("name");
    }

    static JsonObject json(Path file) {
        return JsonParser.parseString(Repository.read(file)).getAsJsonObject();
    }

    private static JsonObject sample(String name) {
        try {
            return json(Path.of(GrafanaDashboardsTest.class.getResource("/dashboard-samples/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
