package com.forno.pizzeria.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts the checks compare against, read from the repository itself so that they cannot drift: the project
 * version (the image tag), Payara's version, the launcher's services, instances and JVM flags.
 */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("pizzeria.root", "..")).toAbsolutePath().normalize();
    /** Where the checks write what they generate (rendered manifests, rule files): the module's target/. */
    static final Path WORK = Path.of(System.getProperty("pizzeria.work", "target/checks")).toAbsolutePath().normalize();

    /** The naming convention of the images the project builds: pizzeria/&lt;service&gt;, from the root's Dockerfile. */
    static final String IMAGE_PREFIX = "pizzeria/";

    private Repository() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path work(String relative) {
        Path path = WORK.resolve(relative);
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }

    /** The root pom's own version (the first &lt;version&gt; after its artifactId): the tag of every image. */
    static String projectVersion() {
        return group(read(path("pom.xml")), "<artifactId>pizzeria</artifactId>\\s*<version>([^<]+)</version>");
    }

    static String payaraVersion() {
        return group(read(path("pom.xml")), "<payara.version>([^<]+)</payara.version>");
    }

    /** bin/pizzeria's SERVICES: users, orders, stock, payments, ai. */
    static List<String> services() {
        return Arrays.asList(group(launcher(), "(?m)^SERVICES=\\(([^)]*)\\)").trim().split("\\s+"));
    }

    /** bin/pizzeria's INSTANCES as name -> port offset (users=1, orders-1=11, ...). */
    static Map<String, Integer> instanceOffsets() {
        Map<String, Integer> offsets = new LinkedHashMap<>();
        for (String entry : group(launcher(), "(?m)^INSTANCES=\\(([^)]*)\\)").trim().split("\\s+")) {
            String[] parts = entry.split(":");
            offsets.put(parts[0], Integer.valueOf(parts[1]));
        }
        return offsets;
    }

    /** The JVM flags bin/pizzeria starts a service's instances with. */
    /** A service's JVM options, its jvm.options as java reads an argument file (comments and blank lines left out). */
    static List<String> jvmOptions(String service) {
        return read(path(service + "-war/jvm.options")).lines().map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty()).flatMap(line -> Arrays.stream(line.split("\\s+"))).toList();
    }

    /** The Dockerfile of an image pizzeria/NAME: the services' one (the root's), or the web app's (web/Dockerfile). */
    static Path dockerfile(String service) {
        if (service.equals("web")) {
            return path("web/Dockerfile");
        }
        return Files.isDirectory(path(service + "-war")) ? path("Dockerfile") : path(service + "-war/Dockerfile");
    }

    private static String launcher() {
        return read(path("bin/pizzeria"));
    }

    /** bin/pizzeria with the parts it sources (bin/lib/*.sh), as one text. */
    static String launcherWhole() {
        StringBuilder whole = new StringBuilder(launcher());
        try (var parts = Files.list(path("bin/lib"))) {
            parts.filter(part -> part.toString().endsWith(".sh")).sorted().forEach(part -> whole.append('\n').append(read(part)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return whole.toString();
    }

    static String group(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no match for " + regex);
        }
        return matcher.group(1);
    }
}
