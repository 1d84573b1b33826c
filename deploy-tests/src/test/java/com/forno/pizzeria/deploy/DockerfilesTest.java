package com.forno.pizzeria.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The services' one Dockerfile (no engine here, so it is read, not built): glibc base, non-root numeric user, the
 * WAR of the SERVICE build argument, Payara at the root pom's version, and the same JVM options, preboot commands and
 * logging as bin/pizzeria's instances, by being the same files.
 */
class DockerfilesTest {

    static final String DOCKERFILE = Repository.read(Repository.path("Dockerfile")).replaceAll("\\\\\\n", " ");

    static Stream<String> services() {
        return Repository.services().stream();
    }

    @Test
    void oneDockerfileRunsEveryServiceFromTheFilesTheLauncherUses() {
        List<String> froms = all(DOCKERFILE, "(?m)^FROM\\s+(\\S+)");
        List<String> entrypoint = JsonParser.parseString(Repository.group(DOCKERFILE, "(?m)^ENTRYPOINT\\s+(\\[.*])\\s*$"))
                .getAsJsonArray().asList().stream().map(e -> e.getAsString()).toList();

        assertThat(froms.get(froms.size() - 1)).as("runtime base image (glibc, JRE 17)")
                .startsWith("eclipse-temurin:17").doesNotContain("alpine");
        assertThat(Repository.group(DOCKERFILE, "(?m)^ARG PAYARA_VERSION=(\\S+)")).isEqualTo(Repository.payaraVersion());
        assertThat(Repository.group(DOCKERFILE, "(?m)^USER\\s+(\\S+)")).matches("[1-9][0-9]*(:[1-9][0-9]*)?");
        assertThat(DOCKERFILE).containsPattern("(?m)^ARG SERVICE$")
                .containsPattern("(?m)^COPY \\$\\{SERVICE}-war/target/\\$\\{SERVICE}\\.war /opt/payara/\\$\\{SERVICE}\\.war$")
                .containsPattern("(?m)^COPY \\$\\{SERVICE}-war/jvm\\.options /opt/payara/jvm\\.options$")
                .containsPattern("(?m)^COPY war-parent/payara-preboot\\.asadmin /opt/payara/preboot\\.asadmin$")
                .containsPattern("(?m)^COPY war-parent/payara-logging\\.properties /opt/payara/logging\\.properties$")
                .containsPattern("(?m)^ENV PIZZERIA_WAR=/opt/payara/\\$\\{SERVICE}\\.war\\b");
        // a shell that names the WAR and then execs java, which keeps the container's signals
        assertThat(entrypoint.subList(0, 2)).containsExactly("/bin/sh", "-c");
        List<String> command = List.of(entrypoint.get(2).split("\\s+"));
        assertThat(command.subList(0, 3)).containsExactly("exec", "java", "@/opt/payara/jvm.options");
        assertThat(command).contains("-Djava.io.tmpdir=/tmp", "--nohazelcast", "--disablephonehome")
                .containsSubsequence("--rootdir", "/tmp/payara").containsSubsequence("--port", "8080")
                .containsSubsequence("--contextroot", "/").containsSubsequence("--deploy", "\"$PIZZERIA_WAR\"")
                .containsSubsequence("--prebootcommandfile", "/opt/payara/preboot.asadmin")
                .containsSubsequence("--logproperties", "/opt/payara/logging.properties");
        // the launcher's instances read the same files (and bind to loopback on top of the same preboot commands)
        String launcher = Repository.launcherWhole();
        assertThat(launcher).contains("printf '@%s' \"$ROOT/$svc-war/jvm.options\"",
                "cp \"$ROOT/war-parent/payara-logging.properties\" \"$STATE/payara/logging.properties\"",
                "export MALLOC_ARENA_MAX=\"${MALLOC_ARENA_MAX:-"
                        + Repository.group(DOCKERFILE, "(?m)^ENV MALLOC_ARENA_MAX=(\\d+)$") + "}\"");
        for (String line : Repository.read(Repository.path("war-parent/payara-preboot.asadmin")).strip().split("\n")) {
            assertThat(Repository.read(Repository.path("war-parent/payara-preboot-loopback.asadmin"))).contains(line);
        }
        List<String> context = Repository.read(Repository.path(".dockerignore")).lines().filter(l -> l.startsWith("!")).toList();
        assertThat(context).contains("!war-parent/payara-preboot.asadmin", "!war-parent/payara-logging.properties",
                "!*-war/jvm.options", "!*-war/target/*.war");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyServiceHasItsJvmOptionsAndItsImage(String service) {
        assertThat(Files.isDirectory(Repository.path(service + "-war"))).isTrue();
        assertThat(Files.exists(Repository.path(service + "-war/Dockerfile"))).as("no Dockerfile of its own").isFalse();
        assertThat(Repository.jvmOptions(service)).as("its jvm.options")
                .anyMatch(option -> option.startsWith("-Xmx")).contains("-XX:+ExitOnOutOfMemoryError")
                .allMatch(option -> option.startsWith("-"));
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
