package com.forno.pizzeria.payments;

import com.forno.pizzeria.platform.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The payments service: JAX-RS at the root (paths start with {@code payments}), MP JWT. */
@ApplicationPath("")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.KITCHEN, Roles.ADMIN})
public class PaymentsApplication extends Application {
}
