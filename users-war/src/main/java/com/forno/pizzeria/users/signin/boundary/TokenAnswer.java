package com.forno.pizzeria.users.signin.boundary;

import com.forno.pizzeria.users.signin.control.Sessions;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The token endpoint's answer (RFC 6749 5.1, the RFC's member names): a bearer access token and a refresh token. */
@Schema(name = "TokenAnswer")
public record TokenAnswer(String access_token, String token_type, long expires_in, String refresh_token) {

    static TokenAnswer from(Sessions.Started started) {
        return new TokenAnswer(started.access().accessToken(), started.access().tokenType(), started.access().expiresIn(),
                started.refreshToken());
    }
}
