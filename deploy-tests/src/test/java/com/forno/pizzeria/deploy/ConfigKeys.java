package com.forno.pizzeria.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The MicroProfile Config keys a WAR reads, derived from its sources (its own and the platform's, which every WAR
 * packages): the keys of META-INF/microprofile-config.properties, every {@code @ConfigProperty(name = …)},
 * {@code getValue("…")}/{@code getOptionalValue("…")}, {@code ${MPCONFIG=…}} and {@code ${ENV=…}}; the MicroProfile
 * JWT keys (every WAR verifies tokens); and the MicroProfile Fault Tolerance keys of the annotated methods
 * ({@code <class>/<method>/<Annotation>/<parameter>}, {@code <Annotation>/<parameter>}).
 * <p>
 * An environment variable sets a key when it is the key itself, or the key with every non-alphanumeric character
 * replaced by {@code _}, or that upper-cased (MicroProfile Config 3.1's environment variable rule).
 */
final class ConfigKeys {

    private static final List<String> MP_JWT = List.of("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location",
            "mp.jwt.verify.publickey.algorithm", "mp.jwt.verify.issuer", "mp.jwt.verify.audiences",
            "mp.jwt.verify.token.age", "mp.jwt.verify.clock.skew", "mp.jwt.token.header", "mp.jwt.token.cookie",
            "mp.jwt.decrypt.key.location", "mp.jwt.decrypt.key.algorithm");

    private static final List<String> MP_FT_GLOBAL = List.of("MP_Fault_Tolerance_NonFallback_Enabled",
            "MP_Fault_Tolerance_Metrics_Enabled");

    /** MicroProfile Fault Tolerance 4.0: the parameters each annotation's config keys may set. */
    private static final Map<String, List<String>> FT_PARAMETERS = Map.of(
            "Timeout", List.of("value", "unit"),
            "Retry", List.of("maxRetries", "delay", "delayUnit", "maxDuration", "durationUnit", "jitter",
                    "jitterDelayUnit", "retryOn", "abortOn"),
            "CircuitBreaker", List.of("failOn", "skipOn", "delay", "delayUnit", "requestVolumeThreshold",
                    "failureRatio", "successThreshold"),
            "Bulkhead", List.of("value", "waitingTaskQueue"),
            "Fallback", List.of("value", "fallbackMethod", "applyOn", "skipOn"),
            "Asynchronous", List.of());

    private static final Pattern[] KEY_IN_JAVA = {
        Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\""),
        Pattern.compile("\\bget(?:Optional)?Value\\s*\\(\\s*\"([^\"]+)\""),
        Pattern.compile("\\$\\{MPCONFIG=([^}]+)}"),
    };
    private static final Pattern ENV_IN_JAVA = Pattern.compile("\\$\\{ENV=([^}]+)}");

    private static final Map<String, ConfigKeys> BY_SERVICE = new ConcurrentHashMap<>();

    private final Set<String> keys = new TreeSet<>();
    private final Set<String> environmentNames = new TreeSet<>();

    private ConfigKeys() {
    }

    static ConfigKeys of(String service) {
        return BY_SERVICE.computeIfAbsent(service, ConfigKeys::derive);
    }

    /** Whether setting this environment variable sets a key the WAR reads. */
    boolean readsEnvironmentVariable(String name) {
        return environmentNames.contains(name);
    }

    Set<String> keys() {
        return keys;
    }

    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static ConfigKeys derive(String service) {
        ConfigKeys derived = new ConfigKeys();
        List<Path> sources = new ArrayList<>();
        for (String module : List.of(service + "-war", "platform")) {
            Path main = Repository.path(module + "/src/main");
            if (Files.isDirectory(main)) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(Files::isRegularFile).forEach(sources::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (sources.stream().noneMatch(file -> file.startsWith(Repository.path(service + "-war")))) {
            throw new IllegalStateException("no sources for the service " + service);
        }
        for (Path file : sources) {
            String name = file.getFileName().toString();
            if (name.equals("microprofile-config.properties")) {
                derived.keys.addAll(properties(Repository.read(file)));
            } else if (name.endsWith(".java")) {
                String java = withoutComments(Repository.read(file));
                for (Pattern pattern : KEY_IN_JAVA) {
                    Matcher matcher = pattern.matcher(java);
                    while (matcher.find()) {
                        derived.keys.add(matcher.group(1));
                    }
                }
                Matcher env = ENV_IN_JAVA.matcher(java);
                while (env.find()) {
                    derived.environmentNames.add(env.group(1));
                }
                derived.keys.addAll(faultToleranceKeys(java, name.substring(0, name.length() - ".java".length())));
            }
        }
        derived.keys.addAll(MP_JWT);
        derived.keys.addAll(MP_FT_GLOBAL);
        for (String key : derived.keys) {
            derived.environmentNames.add(key);
            derived.environmentNames.add(key.replaceAll("[^A-Za-z0-9]", "_"));
            derived.environmentNames.add(environmentName(key));
        }
        return derived;
    }

    private static Set<String> properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames();
    }

    /**
     * The Fault Tolerance keys of one source file: for each FT annotation (imported from
     * org.eclipse.microprofile.faulttolerance, so jakarta.ejb.Timeout does not count) the keys of the method or class
     * it annotates, and the global ones.
     */
    static Set<String> faultToleranceKeys(String java, String className) {
        Set<String> found = new TreeSet<>();
        Matcher packageName = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;").matcher(java);
        String type = (packageName.find() ? packageName.group(1) + "." : "") + className;
        List<String> imported = FT_PARAMETERS.keySet().stream()
                .filter(a -> java.contains("import org.eclipse.microprofile.faulttolerance." + a + ";")
                        || java.contains("import org.eclipse.microprofile.faulttolerance.*;"))
                .toList();
        if (imported.isEmpty()) {
            return found;
        }
        List<String> pending = new ArrayList<>();
        int i = 0;
        while (i < java.length()) {
            char c = java.charAt(i);
            if (c == '@' && i + 1 < java.length() && Character.isJavaIdentifierStart(java.charAt(i + 1))) {
                int end = i + 1;
                while (end < java.length() && (Character.isJavaIdentifierPart(java.charAt(end)) || java.charAt(end) == '.')) {
                    end++;
                }
                String annotation = java.substring(i + 1, end);
                annotation = annotation.substring(annotation.lastIndexOf('.') + 1);
                int next = skipSpaces(java, end);
                i = next < java.length() && java.charAt(next) == '(' ? closing(java, next) + 1 : end;
                if (imported.contains(annotation)) {
                    pending.add(annotation);
                }
                continue;
            }
            if (!pending.isEmpty() && (c == '(' || c == '{' || c == ';' || c == '=')) {
                String declaration = java.substring(lastBoundary(java, i), i);
                String member = null;
                if (c == '(') {
                    Matcher method = Pattern.compile("(\\w+)\\s*$").matcher(declaration);
                    member = method.find() ? method.group(1) : null;
                } else if (c == '{' && declaration.matches("(?s).*\\b(class|interface|record|enum)\\b.*")) {
                    member = "";
                }
                if (member != null) {
                    for (String annotation : pending) {
                        String prefix = member.isEmpty() ? type + "/" + annotation : type + "/" + member + "/" + annotation;
                        found.add(prefix + "/enabled");
                        FT_PARAMETERS.get(annotation).forEach(p -> found.add(prefix + "/" + p));
                        FT_PARAMETERS.get(annotation).forEach(p -> found.add(annotation + "/" + p));
                        found.add(annotation + "/enabled");
                    }
                }
                pending.clear();
            }
            i++;
        }
        return found;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = text.indexOf('"', i + 1);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return text.length() - 1;
    }

    /** Where the declaration ending at {@code at} starts: after the previous statement, block or annotation. */
    private static int lastBoundary(String text, int at) {
        int i = at - 1;
        while (i >= 0 && ";{})".indexOf(text.charAt(i)) < 0) {
            i--;
        }
        return i + 1;
    }

    static String withoutComments(String java) {
        return java.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//[^\n]*", " ");
    }
}
