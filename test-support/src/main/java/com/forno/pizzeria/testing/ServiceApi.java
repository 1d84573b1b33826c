package com.forno.pizzeria.testing;

import jakarta.json.JsonStructure;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import java.net.URI;
import java.net.URL;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A service's API as a test sees it: JSON requests to paths below the deployed WAR's URL, as someone ({@code W}: a
 * bearer token, or whatever the module's tests carry one in) or as nobody ({@code null}). A module's tests extend it
 * with their own steps ({@code final class Api extends ServiceApi<String>}).
 */
public abstract class ServiceApi<W> extends JsonHttp {

    public static final Client CLIENT = ClientBuilder.newClient();

    protected final URI base;
    private final Function<W, String> bearer;

    /** @param bearer the token of someone the tests name ({@code W}); never given null */
    protected ServiceApi(URL base, Function<W, String> bearer) {
        this.base = URI.create(base.toString());
        this.bearer = bearer;
    }

    /** Someone signed in: their id and bearer token. */
    public record Person(UUID id, String token) {
    }

    public Invocation.Builder at(String path, W who) {
        return request(CLIENT, base.resolve(path), who == null ? null : bearer.apply(who));
    }

    public Answer get(String path, W who) {
        return answer(at(path, who).get());
    }

    public Answer post(String path, W who, JsonStructure body) {
        return answer(at(path, who).post(Entity.json(body == null ? "" : body.toString())));
    }

    public Answer put(String path, W who, JsonStructure body) {
        return answer(at(path, who).put(Entity.json(body.toString())));
    }

    public Answer delete(String path, W who) {
        return answer(at(path, who).delete());
    }

    /** The server's application metrics in Prometheus text (served at the server's root, not the WAR's). */
    public String metrics() {
        return answer(CLIENT.target(base.resolve("/metrics")).queryParam("scope", "application")
                .request("text/plain").get()).expect(200).body();
    }

    /** The value of the first application metric sample with this name whose labels include all of {@code labels}. */
    public Optional<Double> metricLine(String name, String... labels) {
        return firstSample(metrics(), name, labels);
    }
}
