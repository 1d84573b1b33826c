package com.forno.pizzeria.orders;

import com.forno.pizzeria.platform.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The orders service: JAX-RS at the root (paths start with {@code orders}), MP JWT. */
@ApplicationPath("")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "Orders", version = "1.0", description = "Orders and the saga that confirms them only with stock held and payment authorised."))
@DeclareRoles({Roles.CUSTOMER, Roles.KITCHEN, Roles.ADMIN})
public class OrdersApplication extends Application {
}
