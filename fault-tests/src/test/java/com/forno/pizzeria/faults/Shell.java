package com.forno.pizzeria.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the lab's commands: each with a timeout (its whole process tree is killed when it runs over), its output
 * captured into a log under target/, and the command line with its exit status and duration in commands.log.
 */
final class Shell {

    /** What a command did: its exit status (-1 when it ran over its timeout) and its output. */
    record Result(List<String> command, int exit, String output) {

        boolean ok() {
            return exit == 0;
        }

        Result orThrow() {
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ":\n" + tail(output));
            }
            return this;
        }

        private static String tail(String text) {
            String[] lines = text.split("\n");
            return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
        }
    }

    private final Path logs;
    private final Map<String, String> environment;

    /** Commands run with the JVM's environment plus (or minus, for a null value) these variables. */
    Shell(Path logs, Map<String, String> environment) {
        this.logs = logs;
        this.environment = environment;
    }

    Result run(Duration timeout, String... command) {
        return logged(timeout, null, command);
    }

    /**
     * Runs the command; its output goes to {@code logName} under the log directory (appended) as well as into the
     * result. Never throws for a failing command: the caller decides.
     */
    Result logged(Duration timeout, String logName, String... command) {
        Instant began = Instant.now();
        try {
            Files.createDirectories(logs);
            Path output = Files.createTempFile(logs, "command-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            environment.forEach((name, value) -> {
                if (value == null) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            Process process = builder.start();
            int exit;
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exit = process.exitValue();
            } else {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                exit = -1;
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            if (logName != null) {
                append(logs.resolve(logName), "== " + Instant.now() + " " + String.join(" ", command) + "\n" + text);
            }
            append(logs.resolve("commands.log"), String.format("%s %6d ms exit %3d  %s%n", began,
                    Duration.between(began, Instant.now()).toMillis(), exit, String.join(" ", command)));
            return new Result(List.of(command), exit, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    static void append(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
