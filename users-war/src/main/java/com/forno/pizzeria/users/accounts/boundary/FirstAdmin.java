package com.forno.pizzeria.users.accounts.boundary;

import com.forno.pizzeria.platform.Platform;
import com.forno.pizzeria.users.accounts.control.Accounts;
import com.forno.pizzeria.users.accounts.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first admin at start from configuration ({@code users.admin.email}, {@code users.admin.password},
 * environment {@code USERS_ADMIN_EMAIL} / {@code USERS_ADMIN_PASSWORD}), once: an existing account is left as it
 * is. There is no built-in default password; without configuration nobody is created.
 */
@Startup
@Singleton
@DependsOn(Platform.NAME)
public class FirstAdmin {

    private static final System.Logger LOG = System.getLogger(FirstAdmin.class.getName());

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "users.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "users.admin.password")
    Optional<String> password;

    @PostConstruct
    void create() {
        if (email.isEmpty() || password.isEmpty()) {
            LOG.log(Level.WARNING, "users.admin.email / users.admin.password not set: no first admin is created");
            return;
        }
        if (accounts.byEmail(email.get()).isPresent()) {
            return;
        }
        if (password.get().length() < 10) {
            // fail the deployment: an admin with a guessable password is worse than no service
            throw new IllegalStateException("users.admin.password must have at least 10 characters");
        }
        accounts.register("Admin", email.get(), password.get(), null, null, Role.ADMIN);
        LOG.log(Level.INFO, "created the first admin {0}", email.get());
    }
}
