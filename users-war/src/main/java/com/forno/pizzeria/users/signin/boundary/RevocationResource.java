package com.forno.pizzeria.users.signin.boundary;

import com.forno.pizzeria.users.signin.control.OAuthError;
import com.forno.pizzeria.users.signin.control.Sessions;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Token revocation (RFC 7009): signing out. A refresh token ends its whole session; an unknown, revoked or
 * expired token, or an access token (which lives its short life out), is answered 200 all the same.
 */
@Path("users/revoke")
@RequestScoped
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public class RevocationResource {

    @Inject
    Sessions sessions;

    @POST
    @PermitAll
    @Transactional(dontRollbackOn = OAuthError.class)
    @Operation(hidden = true)
    public Response revoke(MultivaluedMap<String, String> form) {
        sessions.revoke(TokenResource.required(form, "token"));
        return TokenResource.noStore(Response.ok()).build();
    }
}
