package com.forno.pizzeria.users.signin.boundary;

import com.forno.pizzeria.platform.openapi.ProblemResponse;
import com.forno.pizzeria.users.signin.control.SignIn;
import com.forno.pizzeria.users.signin.control.Sessions;
import jakarta.transaction.Transactional;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in: email and password for a bearer token, on its own bulkhead (see {@link SignIn}). */
@Path("users/login")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class SignInResource {

    @Inject
    SignIn signIn;

    @Inject
    Sessions sessions;

    @POST
    @PermitAll
    @Transactional
    @Operation(summary = "Sign in: returns a short RS256 access token and a refresh token (see POST /users/token)")
    @ProblemResponse(status = 401, description = "Wrong email or password")
    @ProblemResponse(status = 429, description = "Too many failed sign-ins for this account lately; Retry-After says when to try again")
    public SignedIn login(@Valid @NotNull Credentials credentials, @Context HttpServletRequest request) {
        return SignedIn.from(sessions.start(signIn.check(credentials.email(), credentials.password(), ClientAddress.of(request))));
    }
}
