/**
 * Sign-in: password check on its own bulkhead and RS256 access tokens that every service verifies with
 * MicroProfile JWT ({@code iss}, {@code sub}, {@code upn}, {@code groups}, {@code aud}, {@code exp}, {@code iat},
 * {@code jti}).
 * <p>
 * Config keys: {@code users.jwt.private-key} or {@code users.jwt.private-key-location} (PKCS#8 PEM; environment
 * {@code USERS_JWT_PRIVATE_KEY}, {@code USERS_JWT_PRIVATE_KEY_LOCATION}), {@code users.jwt.ttl-seconds} (3600),
 * {@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.audiences} (shared with every verifier), the bulkhead
 * {@code com.forno.pizzeria.users.signin.control.SignIn/check/Bulkhead/value} (3);
 * the throttle of failed sign-ins {@code users.signin.throttle.*} (see {@link com.forno.pizzeria.users.signin.control.FailedSignIns}).
 */
package com.forno.pizzeria.users.signin;
