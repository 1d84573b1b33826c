package com.forno.pizzeria.users.accounts.boundary;

import com.forno.pizzeria.platform.addresses.PostalAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The whole editable profile (PUT replaces it); {@code password} only when it changes, and then with
 * {@code currentPassword} (an admin changing someone else's password needs none).
 */
public record ProfileUpdate(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(min = 10, max = 128) String password,
        @Size(max = 128) String currentPassword,
        @Pattern(regexp = Phones.PATTERN, message = Phones.MESSAGE) String phone,
        @Valid PostalAddress address,
        @Null(message = "cannot be changed") Object id,
        @Null(message = "cannot be changed here (admins use PUT /users/{id}/role)") Object role,
        @Null(message = "cannot be changed") Object createdAt) {

    public ProfileUpdate {
        // "normalised": surrounding blanks are not part of an address, and case is folded by Emails.normalize
        email = email == null ? null : email.strip();
    }
}
