package com.forno.pizzeria.users.signin.boundary;

import com.forno.pizzeria.users.signin.control.OAuthError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * RFC 6749 (5.2) errors of the token and revocation endpoints: {@code {error, error_description}}, never cached; a
 * 401 (a client that tried to authenticate) challenges for the Basic scheme it tried.
 */
@Provider
public class OAuthErrors implements ExceptionMapper<OAuthError> {

    @Override
    public Response toResponse(OAuthError e) {
        int status = e.getResponse().getStatus();
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthErrorAnswer(e.error(), e.description()));
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        if (status == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"pizzeria\"");
        }
        return TokenResource.noStore(response).build();
    }
}
