package com.forno.pizzeria.users;

import com.forno.pizzeria.platform.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The users service: JAX-RS at the root (paths start with {@code users}), MP JWT. */
@ApplicationPath("")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.KITCHEN, Roles.ADMIN})
public class UsersApplication extends Application {
}
