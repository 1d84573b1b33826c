package com.forno.pizzeria.payments;

import com.forno.pizzeria.platform.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The payments service: JAX-RS at the root (paths start with {@code payments}), MP JWT. */
@ApplicationPath("")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "Payments", version = "1.0", description = "Card authorisations, captures, voids and refunds of the order saga."))
@DeclareRoles({Roles.CUSTOMER, Roles.KITCHEN, Roles.ADMIN})
public class PaymentsApplication extends Application {
}
