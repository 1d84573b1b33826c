package com.forno.pizzeria.platform.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Turns MP JWT on, as every service WAR does: without it the platform's {@code Caller} has no {@code JsonWebToken}
 * to inject and the deployment fails. The tests call no endpoint.
 */
@ApplicationPath("it")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
public class ProbeApplication extends Application {
}
