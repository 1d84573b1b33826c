package com.forno.pizzeria.users.signin.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The token endpoint's form, as the OpenAPI document describes it (RFC 6749 4.3.2 and 6; the parameters keep the
 * RFC's names): {@code grant_type=password} with {@code username} (the email) and {@code password}, or
 * {@code grant_type=refresh_token} with {@code refresh_token}. {@link TokenResource} reads the form itself.
 */
@Schema(name = "TokenRequest")
public record TokenRequest(String grant_type, String username, String password, String refresh_token) {
}
