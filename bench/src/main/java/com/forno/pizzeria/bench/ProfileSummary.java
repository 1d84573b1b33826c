package com.forno.pizzeria.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an instance's CPU went while the orders ran, from async-profiler's collapsed stacks (one line a stack,
 * frames root first, separated by ';', then the sample count), which bench/snapshot writes per instance. For each
 * file: the samples by the part of the stack that was running (the leaf-most frame of a known library, so that a
 * JDBC call made by EclipseLink counts as the driver's, and a HashMap lookup made by EclipseLink as EclipseLink's), and the project's own methods by their inclusive share
 * (every sample with the method anywhere on its stack), which says which path of the code the rest hangs under.
 * <pre>java ProfileSummary FILE.collapsed...</pre>
 */
public final class ProfileSummary {

    private static final String JDK = "the JDK, called by none of the above";

    /** Leaf-most match wins; the order breaks ties within one frame only. */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("org/postgresql", "PostgreSQL driver");
        PARTS.put("org/eclipse/persistence", "JPA (EclipseLink)");
        PARTS.put("com/rabbitmq", "RabbitMQ client (JMS, AMQP)");
        PARTS.put("org/eclipse/parsson", "JSON");
        PARTS.put("org/eclipse/yasson", "JSON");
        PARTS.put("jakarta/json", "JSON");
        PARTS.put("io/smallrye/jwt", "JWT");
        PARTS.put("org/jose4j", "JWT");
        PARTS.put("fish/payara/microprofile/metrics", "Metrics");
        PARTS.put("fish/payara/microprofile/faulttolerance", "Fault Tolerance");
        PARTS.put("org/glassfish/jersey", "JAX-RS (Jersey)");
        PARTS.put("org/glassfish/grizzly", "HTTP (Grizzly)");
        PARTS.put("org/jboss/weld", "CDI (Weld)");
        PARTS.put("com/sun/ejb", "EJB and transactions");
        PARTS.put("com/sun/enterprise/transaction", "EJB and transactions");
        PARTS.put("com/sun/jts", "EJB and transactions");
        PARTS.put("com/sun/gjc", "connection pool");
        PARTS.put("com/sun/enterprise/resource", "connection pool");
        PARTS.put("com/forno/pizzeria", "the project's code");
        PARTS.put("fish/payara", "Payara, other");
        PARTS.put("org/glassfish", "Payara, other");
        PARTS.put("com/sun/enterprise", "Payara, other");
        PARTS.put("java/", JDK);
        PARTS.put("javax/", JDK);
        PARTS.put("jdk/", JDK);
        PARTS.put("sun/", JDK);
    }

    public static void main(String[] args) throws IOException {
        for (String file : args) {
            if (Files.exists(Path.of(file))) {
                summarise(Path.of(file));
            } else {
                System.out.println(file + ": no profile (see bench/snapshot's messages)");
            }
        }
    }

    static void summarise(Path file) throws IOException {
        Map<String, Long> byPart = new HashMap<>();
        Map<String, Long> byMethod = new HashMap<>();
        long total = 0;
        for (String line : Files.readAllLines(file)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1).trim());
            List<String> frames = List.of(line.substring(0, space).split(";"));
            total += samples;
            byPart.merge(part(frames), samples, Long::sum);
            Set<String> seen = new HashSet<>();
            for (String frame : frames) {
                if (frame.startsWith("com/forno/pizzeria/") && !generated(frame) && seen.add(frame)) {
                    byMethod.merge(shorten(frame), samples, Long::sum);
                }
            }
        }
        System.out.printf("%s: %d samples%n", file.getFileName(), total);
        if (total == 0) {
            return;
        }
        long all = total;
        System.out.println("  running in (leaf-most known frame):");
        byPart.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
        System.out.println("  under the project's methods (inclusive, top 12):");
        byMethod.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
    }

    /**
     * The part of the stack that was running: the leaf-most frame a library claims, so that the JDK's collections or
     * I/O count as the library that called them; the JDK only when no library is on the stack; else the VM (JIT, GC).
     */
    static String part(List<String> frames) {
        String jdk = null;
        for (int i = frames.size() - 1; i >= 0; i--) {
            String frame = frames.get(i);
            for (Map.Entry<String, String> part : PARTS.entrySet()) {
                if (frame.startsWith(part.getKey())) {
                    if (!JDK.equals(part.getValue())) {
                        return part.getValue();
                    }
                    jdk = JDK;
                    break;
                }
            }
        }
        if (jdk != null) {
            return jdk;
        }
        // no Java frame: the thread says what the VM was doing (bench/snapshot profiles with "threads")
        String thread = frames.get(0);
        return thread.contains("Compiler") ? "the JIT compiler"
                : thread.contains("GC") || thread.contains("VM Thread") ? "garbage collection and the VM"
                : "the JVM itself, other";
    }

    /** The container's proxies and lambdas around the project's methods: the method itself is on the stack too. */
    private static boolean generated(String frame) {
        return frame.contains("$Proxy$") || frame.contains("__EJB31_Generated__") || frame.contains("$$Lambda$");
    }

    private static String shorten(String frame) {
        return frame.substring("com/forno/pizzeria/".length()).replace('/', '.');
    }
}
