package com.forno.pizzeria.users.signin.control;

import jakarta.ws.rs.WebApplicationException;

/**
 * An error of the token or revocation endpoint, answered as RFC 6749 (5.2) says: status 400 (401 for a client),
 * {@code application/json} {@code {error, error_description}}, never cached. Not a problem+json: OAuth 2.0
 * clients read these members.
 */
public class OAuthError extends WebApplicationException {

    private final String error;
    private final String description;
    private final Long retryAfterSeconds;

    public OAuthError(int status, String error, String description) {
        this(status, error, description, null);
    }

    private OAuthError(int status, String error, String description, Long retryAfterSeconds) {
        super(description, status);
        this.error = error;
        this.description = description;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    /** The account is throttled after failed sign-ins: an invalid grant for now, with when to try again. */
    public static OAuthError throttled(SignInThrottled throttled) {
        return new OAuthError(400, "invalid_grant", throttled.getMessage(), throttled.retryAfterSeconds());
    }

    /**
     * A client tried to authenticate (RFC 6749 2.3, 5.2): only public clients sign in here, so no client is known;
     * 401, with a challenge for the scheme it tried.
     */
    public static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    public static OAuthError unsupportedGrantType(String description) {
        return new OAuthError(400, "unsupported_grant_type", description);
    }

    public String error() {
        return error;
    }

    public String description() {
        return description;
    }

    /** Seconds to wait before trying again, when there is a reason to wait. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
