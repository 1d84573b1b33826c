/**
 * Sign-in: password check on its own bulkhead, the throttle of failed sign-ins, sessions (an OAuth 2.0 token
 * endpoint with the password and refresh_token grants, refresh tokens stored as their SHA-256 and rotated on every
 * use, a reused one ending its family; RFC 7009 revocation) and RS256 access tokens that every service verifies with
 * MicroProfile JWT ({@code iss}, {@code sub}, {@code upn}, {@code groups}, {@code aud}, {@code exp}, {@code iat},
 * {@code jti}).
 * <p>
 * Config keys: {@code users.jwt.private-key} or {@code users.jwt.private-key-location} (PKCS#8 PEM; environment
 * {@code USERS_JWT_PRIVATE_KEY}, {@code USERS_JWT_PRIVATE_KEY_LOCATION}), {@code users.jwt.ttl-seconds} (900), {@code users.refresh-token.ttl-seconds} (2592000),
 * {@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.audiences} (shared with every verifier), the bulkhead
 * {@code com.forno.pizzeria.users.signin.control.SignIn/check/Bulkhead/value} (3);
 * the throttle of failed sign-ins {@code users.signin.throttle.*} (see {@link com.forno.pizzeria.users.signin.control.FailedSignIns}).
 */
package com.forno.pizzeria.users.signin;
