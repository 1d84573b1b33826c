package com.forno.pizzeria.users.accounts.control;

import java.util.Locale;

/** One spelling per mailbox: {@code " Ana@Example.COM "} and {@code "ana@example.com"} are the same account. */
public final class Emails {

    private Emails() {
    }

    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
