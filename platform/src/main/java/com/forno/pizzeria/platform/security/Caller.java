package com.forno.pizzeria.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified token: the object-level checks ("mine or admin") read it. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public UUID id() {
        String subject = token.getSubject();
        if (subject == null) {
            throw new NotAuthorizedException("Bearer");
        }
        return UUID.fromString(subject);
    }

    public boolean is(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    public boolean isAdmin() {
        return is(Roles.ADMIN);
    }

    /** The caller may see what belongs to {@code owner}: it is theirs, or they are an admin. */
    public boolean mayAccess(UUID owner) {
        return isAdmin() || id().equals(owner);
    }
}
