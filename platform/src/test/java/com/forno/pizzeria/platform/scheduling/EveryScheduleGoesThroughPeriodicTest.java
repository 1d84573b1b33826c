package com.forno.pizzeria.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * "Every periodic task survives any number of failed runs" holds because every one of them is a {@link Periodic}
 * task: this test finds any other way of scheduling work in the services' sources (an EJB timer is expunged after
 * two failed runs, a scheduled executor ends a schedule at its first exception).
 */
class EveryScheduleGoesThroughPeriodicTest {

    private static final Pattern OTHER_SCHEDULES = Pattern.compile(
            "jakarta\\.ejb\\.(TimerService|Timeout|Schedules?)\\b|scheduleWithFixedDelay|scheduleAtFixedRate"
                    + "|ManagedScheduledExecutorService|java\\.util\\.Timer\\b");

    @Test
    void noServiceSchedulesWorkAnyOtherWay() throws IOException {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        List<Path> sources;
        try (Stream<Path> modules = Files.list(repository)) {
            sources = modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(EveryScheduleGoesThroughPeriodicTest::javaFiles).toList();
        }
        assertThat(sources).as("sources found").anyMatch(path -> path.endsWith("SagaSweeper.java"));

        List<String> offenders = sources.stream()
                .filter(path -> !path.getFileName().toString().equals("Periodic.java"))
                .filter(path -> OTHER_SCHEDULES.matcher(read(path)).find())
                .map(path -> repository.relativize(path).toString())
                .toList();
        assertThat(offenders).as("sources scheduling work without Periodic").isEmpty();
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(path -> path.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
