package com.forno.pizzeria.users.signin.boundary;

import static com.forno.pizzeria.contracts.Json.JSONP;

import com.forno.pizzeria.users.signin.control.SessionCutoffs;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For the services only: the recent cut-offs of ended sessions, polled every few seconds by each instance of every
 * service (the platform's {@code security.SessionCutoffs}). Not for clients: no gateway route leads here (the path is
 * outside {@code /users}), and a request that came through a proxy (the gateway and the Ingress always add
 * {@code X-Forwarded-For}) is answered 404 as if the path did not exist, whatever spelling got it here.
 */
@Path("sessions/cutoffs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionCutoffsResource {

    @Inject
    SessionCutoffs cutoffs;

    @GET
    @PermitAll
    @Operation(hidden = true)
    public Response recent(@HeaderParam("X-Forwarded-For") String forwardedFor, @HeaderParam("Forwarded") String forwarded) {
        if (forwardedFor != null || forwarded != null) {
            throw new NotFoundException();
        }
        JsonArrayBuilder list = JSONP.createArrayBuilder();
        cutoffs.recent().forEach((user, notBefore) -> list.add(JSONP.createObjectBuilder()
                .add("userId", user.toString()).add("notBefore", notBefore.getEpochSecond())));
        return Response.ok(list.build().toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").build();
    }
}
