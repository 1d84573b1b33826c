package com.forno.pizzeria.users.signin.boundary;

import com.forno.pizzeria.platform.openapi.ErrorResponse;
import com.forno.pizzeria.platform.openapi.ProblemResponse;
import com.forno.pizzeria.platform.openapi.SuccessResponse;
import com.forno.pizzeria.users.accounts.entity.User;
import com.forno.pizzeria.users.signin.control.InvalidCredentials;
import com.forno.pizzeria.users.signin.control.OAuthError;
import com.forno.pizzeria.users.signin.control.SignIn;
import com.forno.pizzeria.users.signin.control.SignInThrottled;
import com.forno.pizzeria.users.signin.control.Sessions;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The OAuth 2.0 token endpoint (RFC 6749) for public clients (the web app, apps): the password grant (3.2, 4.3)
 * and the refresh_token grant (6) with rotation. Form-encoded requests, JSON answers, RFC 6749 errors
 * ({@link OAuthError}, documented as such: {@link ErrorResponse}), never cached.
 */
@Path("users/token")
@RequestScoped
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    SignIn signIn;

    @Inject
    Sessions sessions;

    @POST
    @PermitAll
    @Transactional(dontRollbackOn = OAuthError.class)
    @Operation(summary = "OAuth 2.0 token endpoint (RFC 6749): sign in with the password grant (username is the email), "
            + "or renew the session with the refresh token, which rotates: a used one ends the session")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = TokenRequest.class)))
    @SuccessResponse(status = 200, description = "Signed in (or renewed): a bearer access token and the next refresh token",
            body = TokenAnswer.class)
    @ErrorResponse(status = 400, body = OAuthErrorAnswer.class, description = "invalid_request (a parameter missing or "
            + "repeated), invalid_grant (wrong username or password, with Retry-After while the account is throttled; a "
            + "refresh token used, revoked or expired) or unsupported_grant_type")
    @ErrorResponse(status = 401, body = OAuthErrorAnswer.class, description = "invalid_client: the client tried to "
            + "authenticate (Authorization: Basic, client_secret); only public clients sign in here")
    @ProblemResponse(status = 415, description = "The body is not a form (application/x-www-form-urlencoded)")
    public Response token(MultivaluedMap<String, String> form, @Context HttpHeaders headers,
                          @Context HttpServletRequest request) {
        publicClient(headers, form);
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            throw OAuthError.invalidRequest("grant_type is missing.");
        }
        Sessions.Started started = switch (grantType) {
            case "password" -> sessions.start(user(required(form, "username"), required(form, "password"), request));
            case "refresh_token" -> sessions.refresh(required(form, "refresh_token"));
            default -> throw OAuthError.unsupportedGrantType("Only the password and refresh_token grants are supported.");
        };
        return noStore(Response.ok(TokenAnswer.from(started), MediaType.APPLICATION_JSON_TYPE)).build();
    }

    /**
     * Only public clients (the web app, apps) sign in here (RFC 6749 2.1), and they do not authenticate: a client
     * that tries to (HTTP Basic, or a client_secret in the form) is one this provider does not know.
     */
    static void publicClient(HttpHeaders headers, MultivaluedMap<String, String> form) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if ((authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) || single(form, "client_secret") != null) {
            throw OAuthError.invalidClient("No client authenticates here: send neither HTTP Basic credentials nor a client_secret.");
        }
    }

    private User user(String username, String password, HttpServletRequest request) {
        try {
            return signIn.check(username, password, ClientAddress.of(request));
        } catch (InvalidCredentials e) {
            throw OAuthError.invalidGrant("The username or the password is wrong.");
        } catch (SignInThrottled e) {
            throw OAuthError.throttled(e);
        }
    }

    static String required(MultivaluedMap<String, String> form, String name) {
        String value = single(form, name);
        if (value == null || value.isEmpty()) {
            throw OAuthError.invalidRequest(name + " is missing.");
        }
        return value;
    }

    /** A parameter given at most once (RFC 6749 3.2: repeated parameters are an invalid request). */
    static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthError.invalidRequest(name + " is repeated.");
        }
        return values.get(0);
    }

    static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }
}
