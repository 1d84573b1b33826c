package com.forno.pizzeria.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each WAR's Dockerfile (no engine here, so it is read, not built): glibc base, non-root numeric user, the WAR
 * copied from target/, Payara at the root pom's version, and bin/pizzeria's JVM flags, rootdir and tmpdir on /tmp.
 */
class DockerfilesTest {

    static Stream<String> services() {
        return Repository.services().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theDockerfileRunsTheWarLikeTheLauncher(String service) {
        assertThat(Repository.dockerfile(service)).as("one Dockerfile per WAR").exists();
        String dockerfile = Repository.read(Repository.dockerfile(service)).replaceAll("\\\\\\n", " ");
        List<String> froms = all(dockerfile, "(?m)^FROM\\s+(\\S+)");
        List<String> entrypoint = JsonParser.parseString(Repository.group(dockerfile, "(?m)^ENTRYPOINT\\s+(\\[.*])\\s*$"))
                .getAsJsonArray().asList().stream().map(e -> e.getAsString()).toList();

        assertThat(froms.get(froms.size() - 1)).as("runtime base image (glibc, JRE 17)")
                .startsWith("eclipse-temurin:17").doesNotContain("alpine");
        assertThat(Repository.group(dockerfile, "(?m)^ARG PAYARA_VERSION=(\\S+)")).isEqualTo(Repository.payaraVersion());
        assertThat(Repository.group(dockerfile, "(?m)^USER\\s+(\\S+)")).matches("[1-9][0-9]*(:[1-9][0-9]*)?");
        assertThat(dockerfile).containsPattern("(?m)^COPY target/" + service + "\\.war /opt/payara/" + service + "\\.war$");
        assertThat(entrypoint).as("JVM flags").containsSubsequence(Repository.launcherJvmFlags(service));
        assertThat(entrypoint.subList(1, Repository.launcherJvmFlags(service).size() + 1))
                .as("exactly the launcher's flags, first").isEqualTo(Repository.launcherJvmFlags(service));
        assertThat(entrypoint).contains("-Djava.io.tmpdir=/tmp", "--nohazelcast", "--disablephonehome")
                .containsSubsequence("--rootdir", "/tmp/payara").containsSubsequence("--port", "8080")
                .containsSubsequence("--deploy", "/opt/payara/" + service + ".war")
                .containsSubsequence("--prebootcommandfile", "/opt/payara/preboot.asadmin");
        // the same preboot commands as the launcher's instances and the container tests (executor pools)
        for (String command : Repository.read(Repository.path("war-parent/payara-preboot.asadmin")).strip().split("\n")) {
            assertThat(dockerfile).as("preboot command").contains("'" + command + "'");
            assertThat(Repository.read(Repository.path("war-parent/payara-preboot-loopback.asadmin"))).contains(command);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyWarModuleHasItsDockerfile(String service) {
        assertThat(Files.isDirectory(Repository.path(service + "-war"))).isTrue();
        assertThat(ManifestRules.imageViolations("image", "pizzeria/" + service + ":" + Repository.projectVersion())).isEmpty();
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
