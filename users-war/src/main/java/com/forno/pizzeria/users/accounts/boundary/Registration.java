package com.forno.pizzeria.users.accounts.boundary;

import com.forno.pizzeria.platform.addresses.PostalAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A sign-up. {@code id}, {@code role} and {@code createdAt} are the server's: a body that tries to set them is
 * refused, not silently half-applied.
 */
public record Registration(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(min = 10, max = 128) String password,
        @Pattern(regexp = Phones.PATTERN, message = Phones.MESSAGE) String phone,
        @Valid PostalAddress address,
        @Null(message = "is assigned by the server") Object id,
        @Null(message = "is assigned by the server (admins change it with PUT /users/{id}/role)") Object role,
        @Null(message = "is assigned by the server") Object createdAt) {

    public Registration {
        // "normalised": surrounding blanks are not part of an address, and case is folded by Emails.normalize
        email = email == null ? null : email.strip();
    }
}
