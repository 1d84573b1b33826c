package com.forno.pizzeria.orders;

import com.forno.pizzeria.testing.BuiltWar;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The module's real WAR, as built, deployed once for every container test class of the module. */
@ArquillianSuiteDeployment
public class OrdersDeployment {

    @Deployment(testable = false)
    public static WebArchive war() {
        return BuiltWar.named("orders.war");
    }
}
