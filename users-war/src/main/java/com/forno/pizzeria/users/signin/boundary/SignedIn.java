package com.forno.pizzeria.users.signin.boundary;

import com.forno.pizzeria.users.signin.control.Sessions;

/** The answer to a sign-in: a short access token, and the refresh token that keeps the session going. */
public record SignedIn(String accessToken, String tokenType, long expiresIn, String refreshToken) {

    static SignedIn from(Sessions.Started started) {
        return new SignedIn(started.access().accessToken(), started.access().tokenType(), started.access().expiresIn(),
                started.refreshToken());
    }
}
