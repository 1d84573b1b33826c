package com.forno.pizzeria.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real tools (kubectl, promtool, docker-compose, the project's scripts) as a CI would: no shell, a time
 * limit, output captured in files under target/ (so that a chatty tool cannot block on a full pipe).
 */
final class Tools {

    record Result(List<String> command, int exit, String out, String err) {

        boolean ok() {
            return exit == 0;
        }

        /** Everything the tool said, for assertion messages. */
        String report() {
            return String.join(" ", command) + " exited " + exit + "\n" + out + err;
        }
    }

    private Tools() {
    }

    static Result run(Path directory, String... command) {
        return run(java.util.Map.of(), directory, command);
    }

    /** Runs a command with these environment variables added to the test's. */
    static Result run(java.util.Map<String, String> environment, Path directory, String... command) {
        try {
            Path logs = Files.createDirectories(Repository.WORK.resolve("logs"));
            Path out = Files.createTempFile(logs, "out", ".txt");
            Path err = Files.createTempFile(logs, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
            builder.environment().putAll(environment);
            Process process = builder
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            Result result = new Result(List.of(command), process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0] + " (deploy-tests/install-tools.sh installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command that must succeed, and returns its standard output. */
    static String output(Path directory, String... command) {
        return output(java.util.Map.of(), directory, command);
    }

    static String output(java.util.Map<String, String> environment, Path directory, String... command) {
        Result result = run(environment, directory, command);
        if (!result.ok()) {
            throw new IllegalStateException(result.report());
        }
        return result.out();
    }
}
