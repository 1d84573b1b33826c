package com.forno.pizzeria.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kubernetes/partner.sh against a recording kubectl (no cluster here): what it asks of the broker, the database and
 * the API server is what {@code bin/pizzeria partner} does locally, and the URI it prints is the Secret's.
 */
class PartnerScriptTest {

    private Path calls;
    private Path kubectl;

    @BeforeEach
    void recordingKubectl() throws IOException {
        Path dir = Files.createDirectories(Repository.WORK.resolve("partner-script"));
        calls = dir.resolve("calls.txt");
        Files.deleteIfExists(calls);
        kubectl = dir.resolve("kubectl");
        // one line per call (its arguments), then what it was given on its standard input, if anything
        Files.writeString(kubectl, "#!/usr/bin/env bash\necho \"CALL $*\" >> '" + calls + "'\n"
                + "cat >> '" + calls + "'\necho >> '" + calls + "'\n");
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void addMakesTheUserItsResourcesItsListingAndItsSecret() throws Exception {
        assertThat(Repository.path("contracts/target/classes/com/forno/pizzeria/contracts/BrokerDefinitions.class"))
                .as("contracts is built before deploy-tests").exists();

        Result added = run("add", "ifood", "pizzeria-dev");

        assertThat(added.exit()).as(added.err()).isZero();
        String uri = added.out().strip();
        Matcher parts = Pattern.compile("amqp://partner-ifood:([0-9a-f]{48})@rabbitmq:5672/pizzeria").matcher(uri);
        assertThat(parts.matches()).as(uri).isTrue();
        String recorded = Files.readString(calls);
        assertThat(recorded)
                .contains("CALL -n pizzeria-dev exec rabbitmq-0 -- rabbitmqctl -q add_user partner-ifood " + parts.group(1))
                .contains("import_definitions")
                .contains("\"write\": \"^integrations\\\\.ifood\\\\.in$\"")
                .contains("\"user\": \"partner-ifood\"")
                .contains("insert into orders.partners (name) values ('ifood')")
                .contains("create secret generic partner-ifood --from-literal=AMQP_URI=" + uri);
    }

    @Test
    void removeUndoesItAndANameThatCouldEscapeIsRefused() throws Exception {
        Result removed = run("remove", "ifood", "pizzeria-dev");
        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(Files.readString(calls))
                .contains("delete from orders.partners where name = 'ifood'")
                .contains("rabbitmqctl -q delete_user partner-ifood")
                .contains("delete_queue -p pizzeria integrations.ifood.orders")
                .contains("delete secret partner-ifood");

        for (String bad : List.of("IFood", "a.b", "x'; drop table orders; --", "")) {
            Result refused = run("add", bad, "pizzeria-dev");
            assertThat(refused.exit()).as(bad).isNotZero();
        }
    }

    @Test
    void secretPrintsTheCredentialsTheOperatorsUserImportsAndTheUriToHandOver() throws Exception {
        Result printed = run("secret", "ifood");
        assertThat(printed.exit()).as(printed.err()).isZero();
        var secret = Schema.all(Manifests.parse(printed.out(), "partner.sh secret"), io.kubernetes.client.openapi.models.V1Secret.class);
        assertThat(secret).hasSize(1);
        assertThat(secret.get(0).getMetadata().getName()).isEqualTo("partner-ifood");
        Map<String, byte[]> data = secret.get(0).getData();
        String password = new String(data.get("password"), StandardCharsets.UTF_8);
        assertThat(new String(data.get("username"), StandardCharsets.UTF_8)).isEqualTo("partner-ifood");
        assertThat(password).matches("[0-9a-f]{48}");
        assertThat(new String(data.get("AMQP_URI"), StandardCharsets.UTF_8))
                .isEqualTo("amqp://partner-ifood:" + password + "@rabbitmq:5672/pizzeria");
        assertThat(Files.exists(calls)).as("no kubectl call").isFalse();
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Repository.path("kubernetes/partner.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KUBECTL", kubectl.toString());
        Path out = Files.createTempFile(Repository.WORK, "partner-out", ".txt");
        Path err = Files.createTempFile(Repository.WORK, "partner-err", ".txt");
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
