package com.forno.pizzeria.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The stack under test as its operator sees it: instances, their pids and logs, and bin/pizzeria. */
final class Stack {

    static final Path STATE = Path.of(System.getProperty("pizzeria.state.dir"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static int port(String instance) {
        return Integer.getInteger("pizzeria.port." + instance);
    }

    static long pid(String instance) throws IOException {
        return Long.parseLong(Files.readString(STATE.resolve("pids").resolve(instance + ".pid")).strip());
    }

    /** kill -9: the process gets no chance to clean up, as in a crash. */
    static void kill(String instance) throws IOException, InterruptedException {
        long pid = pid(instance);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
    }

    static boolean ready(String instance) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(instance) + "/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** `bin/pizzeria up` with this stack's environment: starts what is not running, and waits for it. */
    static void up() throws IOException, InterruptedException {
        Process launcher = new ProcessBuilder(System.getProperty("pizzeria.launcher"), "up")
                .redirectErrorStream(true)
                .redirectOutput(STATE.resolve("logs").resolve("system-tests-up.log").toFile())
                .start();
        if (launcher.waitFor() != 0) {
            throw new IllegalStateException("bin/pizzeria up failed: see " + STATE.resolve("logs/system-tests-up.log"));
        }
    }

    static List<String> gatewayLog() throws IOException {
        return Files.readAllLines(STATE.resolve("logs").resolve("nginx-access.log"), StandardCharsets.UTF_8);
    }

    private Stack() {
    }
}
