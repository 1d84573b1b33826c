package com.forno.pizzeria.platform.security;

import com.forno.pizzeria.platform.problems.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses (401 problem+json) an access token that MicroProfile JWT found valid but that was issued before its user's
 * sessions ended ({@link SessionCutoffs}): a demoted admin's, a deleted user's, or one whose password changed.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class NotBeforeFilter implements ContainerRequestFilter {

    @Inject
    SessionCutoffs cutoffs;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token
                && cutoffs.ended(token.getSubject(), token.getIssuedAtTime())) {
            Response problem = Problem.typed("session-ended", "Session ended", 401,
                            "This session has ended (the account's role or password changed, or it was ended): sign in again.")
                    .at(request.getUriInfo().getRequestUri().getPath()).toResponse();
            request.abortWith(Response.fromResponse(problem)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build());
        }
    }
}
