/**
 * Sign-in: password check on its own bulkhead, the throttle of failed sign-ins, sessions (an OAuth 2.0 token
 * endpoint with the password and refresh_token grants, refresh tokens stored as their SHA-256 and rotated on every
 * use, a reused one ending its family; RFC 7009 revocation) and RS256 access tokens that every service verifies with
 * MicroProfile JWT ({@code iss}, {@code sub}, {@code upn}, {@code groups}, {@code aud}, {@code exp}, {@code iat},
 * {@code jti}).
 * <p>
 * Every token names its key by {@code kid} (RFC 7638 thumbprint); the key set is read at run time and published at
 * {@code /.well-known/jwks.json}, the provider's metadata at {@code /.well-known/openid-configuration}
 * (see {@link com.forno.pizzeria.users.signin.control.SigningKeys} for rotation). Ending a user's sessions records a
 * cut-off that every service polls from {@code GET /sessions/cutoffs} to refuse older access tokens
 * ({@link com.forno.pizzeria.users.signin.control.SessionCutoffs}).
 * <p>
 * Config keys: {@code users.jwt.private-key-location} (a directory of PKCS#8 PEM keys, the key set, or one PEM file;
 * environment {@code USERS_JWT_PRIVATE_KEY_LOCATION}) or {@code users.jwt.private-key} (one key as text,
 * {@code USERS_JWT_PRIVATE_KEY}), {@code users.jwt.keys.rescan-seconds} (5), {@code users.jwks.max-age-seconds} (60:
 * how long verifiers cache the JWKS, and how long a new key is listed before it signs), {@code users.oauth.base-url}
 * (the public address in the metadata; the issuer when unset), {@code users.jwt.ttl-seconds} (900), {@code users.refresh-token.ttl-seconds} (2592000),
 * {@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.audiences} (shared with every verifier), the bulkhead
 * {@code com.forno.pizzeria.users.signin.control.SignIn/check/Bulkhead/value} (3);
 * the throttle of failed sign-ins {@code users.signin.throttle.*} (see {@link com.forno.pizzeria.users.signin.control.FailedSignIns}).
 */
package com.forno.pizzeria.users.signin;
