package com.forno.pizzeria.users.signin.boundary;

import static com.forno.pizzeria.contracts.Json.JSONP;

import com.forno.pizzeria.users.signin.control.OAuthError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** RFC 6749 (5.2) errors of the token endpoint: {@code {error, error_description}}, never cached. */
@Provider
public class OAuthErrors implements ExceptionMapper<OAuthError> {

    @Override
    public Response toResponse(OAuthError e) {
        Response.ResponseBuilder response = Response.status(e.getResponse().getStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JSONP.createObjectBuilder().add("error", e.error()).add("error_description", e.description()).build().toString());
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return TokenResource.noStore(response).build();
    }
}
