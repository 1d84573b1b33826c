package com.forno.pizzeria.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, validated by Debian's docker-compose 1.29 (`config` needs no engine), and held to the same
 * rules as the manifests where they apply: images built by the services' Dockerfile, environment variables that are
 * config keys, and a gateway command that fills every placeholder of the nginx template.
 */
class DockerComposeTest {

    @Test
    void theComposeFileIsValid() {
        Tools.Result check = Tools.run(Repository.ROOT, "docker-compose", "-f", "docker-compose.yml", "config", "-q");
        assertThat(check.ok()).as(check.report()).isTrue();
    }

    @Test
    void everyImageIsBuiltByADockerfileOrPinned() {
        List<String> violations = new ArrayList<>();
        services().forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            violations.addAll(ManifestRules.imageViolations("service " + name, image));
            ManifestRules.war(image).ifPresent(war -> {
                // the one Dockerfile, at the repository's root, for this service
                Object build = service.get("build");
                String context = build instanceof Map<?, ?> b ? String.valueOf(b.get("context")) : String.valueOf(build);
                Object args = build instanceof Map<?, ?> b ? b.get("args") : null;
                Object argument = args instanceof Map<?, ?> a ? a.get("SERVICE") : null;
                if (!Repository.ROOT.toString().equals(context) || !war.equals(String.valueOf(argument))) {
                    violations.add("service " + name + ": image " + image + " is not built from the root's Dockerfile with SERVICE="
                            + war + " (build: " + build + ")");
                }
            });
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void everyWarEnvironmentVariableIsAConfigKeyTheWarReads() {
        List<String> violations = new ArrayList<>();
        services().forEach((name, service) -> ManifestRules.war(String.valueOf(service.get("image"))).ifPresent(war -> {
            if (service.get("environment") instanceof Map<?, ?> environment) {
                for (Object variable : environment.keySet()) {
                    if (!ConfigKeys.of(war).readsEnvironmentVariable(String.valueOf(variable))) {
                        violations.add("service " + name + ": " + variable + " is no config key of " + war + ".war");
                    }
                }
            }
        }));
        assertThat(violations).isEmpty();
    }

    @Test
    void theGatewayServesTheCommittedApiDocumentFromWhereItsOpenapiDirIs() {
        Map<String, Object> gateway = services().get("gateway");
        String command = String.valueOf(gateway.get("command"));
        Matcher dir = Pattern.compile("s\\|\\{\\{OPENAPI_DIR}}\\|([^|]+)\\|").matcher(command);
        assertThat(dir.find()).as("OPENAPI_DIR in " + command).isTrue();
        List<String> volumes = ((List<?>) gateway.get("volumes")).stream().map(String::valueOf).toList();
        for (String format : List.of("json", "yaml")) {
            assertThat(Repository.path("api-document/openapi." + format)).exists();
            // compose resolves the host path: the repository's file, read-only where the template looks for it
            assertThat(volumes).contains(Repository.path("api-document/openapi." + format) + ":" + dir.group(1)
                    + "/openapi." + format + ":ro");
        }
    }

    @Test
    void theGatewayFillsEveryPlaceholderOfTheNginxTemplate() {
        TreeSet<String> placeholders = new TreeSet<>();
        Matcher placeholder = Pattern.compile("\\{\\{([A-Z0-9_]+)}}")
                .matcher(Repository.read(Repository.path("nginx/pizzeria.conf.template")));
        while (placeholder.find()) {
            placeholders.add(placeholder.group(1));
        }
        String command = String.valueOf(services().get("gateway").get("command"));

        assertThat(placeholders).isNotEmpty().allMatch(name -> command.contains("s|{{" + name + "}}|"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        // the file as compose resolves it: anchors merged, defaults of ${…} filled in, build contexts absolute
        String resolved = Tools.output(Repository.ROOT, "docker-compose", "-f", "docker-compose.yml", "config");
        Map<String, Object> compose = new Yaml().load(resolved);
        return (Map<String, Map<String, Object>>) compose.get("services");
    }
}
