package com.forno.pizzeria.users.signin.boundary;

import static com.forno.pizzeria.contracts.Json.JSONP;

import com.forno.pizzeria.users.accounts.entity.User;
import com.forno.pizzeria.users.signin.control.InvalidCredentials;
import com.forno.pizzeria.users.signin.control.OAuthError;
import com.forno.pizzeria.users.signin.control.SignIn;
import com.forno.pizzeria.users.signin.control.SignInThrottled;
import com.forno.pizzeria.users.signin.control.Sessions;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The OAuth 2.0 token endpoint (RFC 6749) for public clients (the web app, apps): the password grant (3.2, 4.3)
 * and the refresh_token grant (6) with rotation. Form-encoded requests, JSON answers, RFC 6749 errors
 * ({@link OAuthError}), never cached. Not in the OpenAPI document: its errors are RFC 6749's, not problems, and
 * OAuth clients find these endpoints by their standard.
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
    @Operation(hidden = true)
    public Response token(MultivaluedMap<String, String> form, @Context HttpServletRequest request) {
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            throw OAuthError.invalidRequest("grant_type is missing.");
        }
        Sessions.Started started = switch (grantType) {
            case "password" -> sessions.start(user(required(form, "username"), required(form, "password"), request));
            case "refresh_token" -> sessions.refresh(required(form, "refresh_token"));
            default -> throw OAuthError.unsupportedGrantType("Only the password and refresh_token grants are supported.");
        };
        JsonObject answer = JSONP.createObjectBuilder()
                .add("access_token", started.access().accessToken())
                .add("token_type", started.access().tokenType())
                .add("expires_in", started.access().expiresIn())
                .add("refresh_token", started.refreshToken())
                .build();
        return noStore(Response.ok(answer.toString(), MediaType.APPLICATION_JSON_TYPE)).build();
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
