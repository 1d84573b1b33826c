package com.forno.pizzeria.users.signin.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The revocation endpoint's form (RFC 7009 2.1, the RFC's names): the {@code token} to revoke and, optionally, a
 * {@code token_type_hint}, which is not needed here (only refresh tokens can be revoked). Read by
 * {@link RevocationResource} itself; this record describes it in the OpenAPI document.
 */
@Schema(name = "RevocationRequest")
public record RevocationRequest(String token, String token_type_hint) {
}
