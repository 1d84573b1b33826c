package com.forno.pizzeria.deploy;

import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a request path goes, through the nginx gateway (nginx/pizzeria.conf.template) and through the Ingress
 * objects (as ingress-nginx routes them), so that the two can be compared path by path.
 * <p>
 * The gateway: the server-level {@code rewrite … last} rules (the Portuguese aliases), then the exact
 * {@code location =} match or the longest prefix; a {@code proxy_pass http://upstream/uri} replaces the path, a
 * bare {@code proxy_pass http://upstream} keeps it. Upstream names are the Kubernetes Service names; what the gateway
 * serves from its own files (the web app, the API document) is the {@code web} Service's.
 * <p>
 * ingress-nginx with use-regex: every path of the host is a case-insensitive regex anchored at the start; the
 * locations are tried in descending order of their path strings; the first match wins, and its Ingress's
 * rewrite-target (with $1… groups) replaces the matched part.
 */
final class GatewayRoutes {

    /** Where a request lands: the Service (upstream) and the path it receives; none when it is answered 404. */
    record Destination(String service, String path) {

        static final Destination NONE = new Destination("(404)", "");

        @Override
        public String toString() {
            return this == NONE ? "404" : service + " " + path;
        }
    }

    private record Rewrite(Pattern pattern, String replacement) {
    }

    private record Location(boolean exact, String path, String body) {
    }

    private record IngressPath(String path, Pattern pattern, String service, String rewriteTarget,
                               Map<String, String> annotations) {
    }

    private static final String REWRITE_TARGET = "nginx.ingress.kubernetes.io/rewrite-target";
    /** The Service that serves on Kubernetes what the gateway serves from its own files (kubernetes/base/web.yaml). */
    static final String WEB = "web";

    private record LimitKey(String zone, Pattern pattern) {
    }

    private final List<Rewrite> rewrites = new ArrayList<>();
    private final List<Location> locations = new ArrayList<>();
    private final List<LimitKey> limitKeys = new ArrayList<>();

    GatewayRoutes(String rawTemplate) {
        // the launcher's placeholders ({{LOGIN_BURST}}) would end a location's braces early
        String template = rawTemplate.replaceAll("\\{\\{[A-Z0-9_]+}}", "PLACEHOLDER");
        Matcher rewrite = Pattern.compile("(?m)^\\s*rewrite\\s+(\\S+)\\s+(\\S+)\\s+last;").matcher(template);
        while (rewrite.find()) {
            rewrites.add(new Rewrite(Pattern.compile(rewrite.group(1)), rewrite.group(2)));
        }
        // limit_req_zone $pizzeria_signin_client zone=login…, and the map that gives that key for "METHOD URI"
        Matcher zone = Pattern.compile("limit_req_zone\\s+\\$(\\w+)\\s+zone=(\\w+):").matcher(template);
        while (zone.find()) {
            Matcher map = Pattern.compile("(?s)map\\s+\"\\$request_method \\$uri\"\\s+\\$" + zone.group(1)
                    + "\\s*\\{\\s*\"(~\\*?)([^\"]+)\"").matcher(template);
            if (map.find()) {
                int flags = map.group(1).equals("~*") ? Pattern.CASE_INSENSITIVE : 0;
                limitKeys.add(new LimitKey(zone.group(2), Pattern.compile(map.group(2), flags)));
            }
        }
        Matcher location = Pattern.compile("(?s)location\\s+(=\\s+)?(\\S+)\\s*\\{(.*?)}").matcher(template);
        while (location.find()) {
            if (!location.group(3).contains("internal;")) {
                locations.add(new Location(location.group(1) != null, location.group(2), location.group(3)));
            }
        }
    }

    /** Where the gateway sends a path. */
    Destination gateway(String path) {
        String uri = path;
        for (Rewrite rewrite : rewrites) {
            Matcher matcher = rewrite.pattern().matcher(uri);
            if (matcher.find()) {
                uri = matcher.replaceFirst(rewrite.replacement()); // $1 as in nginx; an unmatched group is empty
                break; // `last`: the rewritten URI goes to the locations
            }
        }
        String request = uri;
        Optional<Location> chosen = locations.stream().filter(l -> l.exact() && l.path().equals(request)).findFirst()
                .or(() -> locations.stream().filter(l -> !l.exact() && request.startsWith(l.path()))
                        .max(Comparator.comparingInt(l -> l.path().length())));
        if (chosen.isEmpty()) {
            return Destination.NONE;
        }
        Matcher proxy = Pattern.compile("proxy_pass\\s+http://([a-z0-9-]+)(/[^;\\s]*)?;").matcher(chosen.get().body());
        if (!proxy.find()) {
            // what the gateway answers itself, the web app's files and the API document, the web pod serves there
            return new Destination(WEB, uri);
        }
        return new Destination(proxy.group(1), proxy.group(2) != null ? proxy.group(2) : uri);
    }

    /** Where ingress-nginx sends a path, given the Ingress objects. */
    static Destination ingress(List<V1Ingress> ingresses, String path) {
        return chosen(ingresses, path).map(c -> {
            Matcher matcher = c.pattern().matcher(path);
            matcher.find();
            return new Destination(c.service(), c.rewriteTarget() == null ? path : matcher.replaceFirst(c.rewriteTarget()));
        }).orElse(Destination.NONE);
    }

    /** The annotations (rate limits among them) of the Ingress whose path ingress-nginx chooses for a request path. */
    static Map<String, String> ingressAnnotations(List<V1Ingress> ingresses, String path) {
        return chosen(ingresses, path).map(IngressPath::annotations).orElse(Map.of());
    }

    /**
     * The gateway's limit zones a POST to this path counts in (the {@code $pizzeria_*_client} maps keyed by
     * {@code "$request_method $uri"}), after the aliases' rewrite.
     */
    Set<String> gatewayLimits(String method, String path) {
        String uri = rewritten(path);
        Set<String> zones = new LinkedHashSet<>();
        for (LimitKey key : limitKeys) {
            if (key.pattern().matcher(method + " " + uri).find()) {
                zones.add(key.zone());
            }
        }
        return zones;
    }

    private String rewritten(String path) {
        for (Rewrite rewrite : rewrites) {
            Matcher matcher = rewrite.pattern().matcher(path);
            if (matcher.find()) {
                return matcher.replaceFirst(rewrite.replacement());
            }
        }
        return path;
    }

    private static Optional<IngressPath> chosen(List<V1Ingress> ingresses, String path) {
        List<IngressPath> paths = new ArrayList<>();
        for (V1Ingress ingress : ingresses) {
            Map<String, String> annotations = Optional.ofNullable(ingress.getMetadata().getAnnotations()).orElse(Map.of());
            for (V1IngressRule rule : Optional.ofNullable(ingress.getSpec().getRules()).orElse(List.of())) {
                for (V1HTTPIngressPath p : rule.getHttp() == null ? List.<V1HTTPIngressPath>of() : rule.getHttp().getPaths()) {
                    paths.add(new IngressPath(p.getPath(), Pattern.compile("^" + p.getPath(), Pattern.CASE_INSENSITIVE),
                            p.getBackend().getService().getName(), annotations.get(REWRITE_TARGET), annotations));
                }
            }
        }
        paths.sort(Comparator.comparing(IngressPath::path).reversed());
        return paths.stream().filter(candidate -> candidate.pattern().matcher(path).find()).findFirst();
    }

    /**
     * Paths worth comparing, all from the template: each location (and, for a prefix, a path below it), each exact
     * location with a character appended (must not match a neighbour), and each alias with every English suffix.
     * The gateway's own /gateway/health is left out: ingress-nginx has its own health endpoint; and so are named
     * locations (@web_app), which no request path reaches.
     */
    Set<String> samplePaths() {
        Set<String> english = new LinkedHashSet<>();
        for (Location location : locations) {
            if (location.path().startsWith("@") || location.path().startsWith("/gateway/")) {
                continue;
            }
            english.add(location.path());
            english.add(location.exact() ? location.path() + "x" : location.path() + "sample/1");
        }
        Set<String> samples = new LinkedHashSet<>(english);
        for (Rewrite rewrite : rewrites) {
            Matcher alias = Pattern.compile("^\\^(/[a-z]+)\\(").matcher(rewrite.pattern().pattern());
            Matcher target = Pattern.compile("^(/[a-z]+)\\$1$").matcher(rewrite.replacement());
            if (alias.find() && target.find()) {
                for (String path : english) {
                    if (path.equals(target.group(1)) || path.startsWith(target.group(1) + "/")) {
                        samples.add(alias.group(1) + path.substring(target.group(1).length()));
                    }
                }
                samples.add(alias.group(1) + "x");
            }
        }
        samples.add("/nothing/here");
        return samples;
    }
}
