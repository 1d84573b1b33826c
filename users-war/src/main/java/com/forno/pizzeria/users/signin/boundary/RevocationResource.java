package com.forno.pizzeria.users.signin.boundary;

import com.forno.pizzeria.platform.openapi.ErrorResponse;
import com.forno.pizzeria.platform.openapi.ProblemResponse;
import com.forno.pizzeria.platform.openapi.SuccessResponse;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

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
    @Operation(summary = "Sign out (RFC 7009): revokes a refresh token, which ends its whole session")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = RevocationRequest.class)))
    @SuccessResponse(status = 200, description = "Revoked; an unknown, revoked or expired token, or an access token, is answered 200 too")
    @ErrorResponse(status = 400, body = OAuthErrorAnswer.class, description = "invalid_request: the token is missing or repeated")
    @ErrorResponse(status = 401, body = OAuthErrorAnswer.class, description = "invalid_client: the client tried to "
            + "authenticate (Authorization: Basic, client_secret); only public clients revoke here")
    @ProblemResponse(status = 415, description = "The body is not a form (application/x-www-form-urlencoded)")
    public Response revoke(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        TokenResource.publicClient(headers, form);
        sessions.revoke(TokenResource.required(form, "token"));
        return TokenResource.noStore(Response.ok()).build();
    }
}
