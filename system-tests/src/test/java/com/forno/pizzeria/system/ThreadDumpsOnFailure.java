package com.forno.pizzeria.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When a system test fails, every running instance's threads are dumped next to the test reports
 * ({@code target/failsafe-reports/<test>-<instance>-threads.txt}): a stall under load shows there what each request
 * thread waited for, while the stack is still in that state. Registered for every test through the service loader.
 */
public class ThreadDumpsOnFailure implements TestWatcher {

    private static final Path REPORTS = Path.of("target", "failsafe-reports");

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        try (Stream<Path> pids = Files.list(Stack.STATE.resolve("pids"))) {
            Files.createDirectories(REPORTS);
            for (Path pid : pids.filter(file -> file.toString().endsWith(".pid")).toList()) {
                String instance = pid.getFileName().toString().replace(".pid", "");
                Path dump = REPORTS.resolve(test + "-" + instance + "-threads.txt");
                Process jcmd = new ProcessBuilder(List.of(jcmd(), Files.readString(pid).strip(), "Thread.print"))
                        .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
                if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                    jcmd.destroyForcibly();
                }
            }
            System.out.println("thread dumps of the stack's instances: " + REPORTS.toAbsolutePath() + "/" + test
                    + "-*");
        } catch (IOException e) {
            System.out.println("no thread dumps: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }
}
