package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other system test (its own failsafe execution, see the pom): each error status the gateway's
 * document lists is one that the system tests saw the stack answer ({@link Observed}). It checks every status the
 * document uses on at least one operation, and every operation's 400, 401, 403, 409 and 422 on that operation; the
 * pairs not seen (404 of a path parameter, the 503 of an outage on most operations) are written to
 * {@code target/failsafe-reports/api-statuses.md}, with the whole table, for a person to read.
 */
class StatusesObservedIT {

    /** Statuses that must be seen on each operation that documents them (those a test can cause at will). */
    static final Set<String> PER_OPERATION = Set.of("400", "401", "403", "409", "422");
    /**
     * Documented, and left unproduced on purpose: the last admin's 409s would, if another admin existed, delete or
     * demote the stack's admin that every other test signs in as (users-war's AdministrationIT shows them).
     */
    static final Set<String> NOT_PRODUCED = Set.of("DELETE /users/{id} 409", "PUT /users/{id}/role 409");
    /** The aliases, as the gateway rewrites them. */
    static final Map<String, String> ALIASES = Map.of("/usuarios", "/users", "/pedidos", "/orders",
            "/estoque", "/stock", "/pagamentos", "/payments");

    record Template(String method, String path, Pattern pattern, int parameters) {
    }

    @Test
    void everyDocumentedErrorStatusWasAnsweredDuringTheSystemTests() throws Exception {
        OpenAPI api = ApiDocumentIT.gatewayDocument();
        List<Template> templates = new ArrayList<>();
        Map<String, Set<String>> documented = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String key = method.name() + " " + path;
            documented.put(key, new TreeSet<>(operation.getResponses().keySet().stream()
                    .filter(s -> s.startsWith("4") || s.startsWith("5")).toList()));
            templates.add(new Template(method.name(), path,
                    Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+")), path.split("\\{", -1).length - 1));
        }));
        Map<String, Set<String>> observed = new TreeMap<>();
        for (String line : Observed.lines()) {
            String[] parts = line.split(" ");
            if (parts.length != 3) {
                continue;
            }
            String path = alias(parts[1].replaceAll("/+$", ""));
            if (path.endsWith("/openapi")) {
                continue; // the documents themselves: not operations of the document
            }
            templates.stream()
                    .filter(t -> t.method().equals(parts[0]) && t.pattern().matcher(path).matches())
                    .min((a, b) -> Integer.compare(a.parameters(), b.parameters()))
                    .ifPresent(t -> observed.computeIfAbsent(t.method() + " " + t.path(), k -> new TreeSet<>()).add(parts[2]));
        }
        assertThat(observed).as("answers recorded by the system tests (%s)", Observed.FILE).isNotEmpty();

        List<String> missing = new ArrayList<>();
        Set<String> seenAnywhere = new TreeSet<>();
        observed.values().forEach(seenAnywhere::addAll);
        StringBuilder table = new StringBuilder("| operation | documented errors | seen in the system tests | not seen |\n|---|---|---|---|\n");
        documented.forEach((operation, statuses) -> {
            Set<String> seen = observed.getOrDefault(operation, Set.of());
            Set<String> notSeen = new TreeSet<>(statuses);
            notSeen.removeAll(seen);
            table.append("| ").append(operation).append(" | ").append(String.join(" ", statuses)).append(" | ")
                    .append(String.join(" ", seen)).append(" | ").append(String.join(" ", notSeen)).append(" |\n");
            notSeen.stream().filter(PER_OPERATION::contains).map(status -> operation + " " + status)
                    .filter(pair -> !NOT_PRODUCED.contains(pair)).forEach(missing::add);
        });
        Path report = Path.of("target", "failsafe-reports", "api-statuses.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
        System.out.println(table);

        Set<String> everyDocumented = new TreeSet<>();
        documented.values().forEach(everyDocumented::addAll);
        assertThat(seenAnywhere).as("each error status of the document, seen at least once (table: %s)", report)
                .containsAll(everyDocumented);
        assertThat(missing).as("documented on an operation but never answered there by a system test (table: %s)", report)
                .isEmpty();
    }

    private static String alias(String path) throws IOException {
        for (var alias : ALIASES.entrySet()) {
            if (path.equals(alias.getKey()) || path.startsWith(alias.getKey() + "/")) {
                return alias.getValue() + path.substring(alias.getKey().length());
            }
        }
        return path;
    }
}
