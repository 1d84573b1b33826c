package com.forno.pizzeria.users.signin.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An error of the token or revocation endpoint (RFC 6749 5.2): {@code error} is one of {@code invalid_request},
 * {@code invalid_client}, {@code invalid_grant}, {@code unsupported_grant_type}; {@code error_description} says
 * what was wrong in words.
 */
@Schema(name = "OAuthError")
public record OAuthErrorAnswer(String error, String error_description) {
}
