package com.forno.pizzeria.users.accounts.boundary;

import com.forno.pizzeria.platform.addresses.PostalAddress;
import com.forno.pizzeria.users.accounts.entity.User;
import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it: never the password hash. */
public record UserView(UUID id, String name, String email, String phone, PostalAddress address, String role,
                       Instant createdAt) {

    public static UserView from(User user) {
        return new UserView(user.id(), user.name(), user.email(), user.phone(), user.address() == null ? null : user.address().toPostalAddress(),
                user.role().value(), user.createdAt());
    }
}
