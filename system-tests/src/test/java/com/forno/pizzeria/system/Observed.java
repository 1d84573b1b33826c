package com.forno.pizzeria.system;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * What the system tests saw through the gateway: one line "METHOD /path status" per answer, appended to a file
 * that {@link StatusesObservedIT} reads after every other system test has run (the gateway's document promises each
 * error status it lists; this is where the tests show them).
 */
final class Observed {

    static final Path FILE = Path.of(System.getProperty("pizzeria.observed.statuses", "target/observed-statuses.txt"));

    static synchronized void record(String method, URI uri, int status) {
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            Files.writeString(FILE, method + " " + uri.getRawPath() + " " + status + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record an observed status in " + FILE, e);
        }
    }

    static List<String> lines() throws IOException {
        return Files.exists(FILE) ? Files.readAllLines(FILE, StandardCharsets.UTF_8) : List.of();
    }

    private Observed() {
    }
}
