package com.forno.pizzeria.platform.security;

import static com.forno.pizzeria.contracts.Json.JSONP;

import com.forno.pizzeria.platform.scheduling.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's table of session cut-offs: a user whose sessions ended (role or password changed, account
 * deleted, sessions ended by an admin) has a not-before second, and their access tokens issued before it are refused
 * ({@link NotBeforeFilter}). The table is the users service's list of recent cut-offs, polled every
 * {@code pizzeria.sessions.poll-ms} from {@code pizzeria.sessions.cutoffs-url}; it lives in memory only and is rebuilt
 * by the first poll after a start. When the users service does not answer, the last table is kept (a cut-off never
 * leaves it early) and the failure is counted ({@link Periodic}'s metrics). No URL: no table, nothing refused.
 * <p>
 * Why a poll and not an event over the broker: users and ai use no broker, and every instance (two of orders, two of
 * stock) must see every cut-off, which a shared queue would hand to one of them; a poll of a small list every two
 * seconds needs neither a broker user for users nor a queue per instance, and rebuilds itself after any restart.
 */
@ApplicationScoped
public class SessionCutoffs {

    private static final System.Logger LOG = System.getLogger(SessionCutoffs.class.getName());

    @Inject
    @ConfigProperty(name = "pizzeria.sessions.cutoffs-url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "pizzeria.sessions.poll-ms", defaultValue = "2000")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "pizzeria.sessions.timeout-ms", defaultValue = "1000")
    long timeoutMillis;

    @Inject
    Periodic periodic;

    private HttpClient http;
    private volatile Map<String, Long> notBefore = Map.of();

    public void start() {
        if (url.filter(u -> !u.isBlank()).isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "pizzeria.sessions.cutoffs-url is not set: ended sessions are not checked here");
            return;
        }
        http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(timeoutMillis)).build();
        periodic.every("session-cutoffs", Duration.ZERO, Duration.ofMillis(pollMillis), this::poll);
    }

    /** Whether a token of this subject issued at this second (iat) predates the subject's cut-off. */
    public boolean ended(String subject, long issuedAtSeconds) {
        Long cutoff = subject == null ? null : notBefore.get(subject);
        return cutoff != null && issuedAtSeconds < cutoff;
    }

    void poll() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.orElseThrow()))
                .timeout(Duration.ofMillis(timeoutMillis)).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the session cut-offs could not be read from " + url.orElseThrow() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the session cut-offs answered " + response.statusCode());
        }
        notBefore = parse(response.body());
    }

    static Map<String, Long> parse(String body) {
        Map<String, Long> table = new HashMap<>();
        try (var reader = JSONP.createReader(new StringReader(body))) {
            JsonArray list = reader.readArray();
            for (JsonObject cutoff : list.getValuesAs(JsonObject.class)) {
                table.put(cutoff.getString("userId"), cutoff.getJsonNumber("notBefore").longValue());
            }
        }
        return Map.copyOf(table);
    }

    /** For tests: the table as it is. */
    Map<String, Long> table() {
        return notBefore;
    }

    void set(Map<String, Long> table) {
        notBefore = Map.copyOf(table);
    }
}
