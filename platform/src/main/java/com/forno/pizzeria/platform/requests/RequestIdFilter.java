package com.forno.pizzeria.platform.requests;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;

/** Takes the gateway's {@code X-Request-Id} (or makes one when called directly) and echoes it in the response. */
@Provider
@PreMatching
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** What we accept from outside: enough for nginx's hex ids and UUIDs, nothing that could forge a log line. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public void filter(ContainerRequestContext request) {
        String id = request.getHeaderString(RequestIds.HEADER);
        if (id == null || !ACCEPTABLE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        RequestIds.set(id);
        request.setProperty(RequestIds.HEADER, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestIds.HEADER);
        if (id != null) {
            response.getHeaders().putSingle(RequestIds.HEADER, id);
        }
        RequestIds.clear();
    }
}
