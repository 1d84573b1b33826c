package com.forno.pizzeria.ai;

import com.forno.pizzeria.platform.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The ai service: JAX-RS at the root (paths {@code recommendations} and {@code chat}), MP JWT. */
@ApplicationPath("")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.KITCHEN, Roles.ADMIN})
public class AiApplication extends Application {
}
