package com.forno.pizzeria.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The module's real WAR, as the build packaged it (the system property {@code it.war}), for a container test
 * deployment. Each module keeps its own {@code @ArquillianSuiteDeployment} class that returns it, so that Payara
 * Micro starts once for all the module's test classes.
 */
public final class BuiltWar {

    private BuiltWar() {
    }

    /** @param name the archive's name, which gives the context root ({@code orders.war}: /orders) */
    public static WebArchive named(String name) {
        return ShrinkWrap.create(ZipImporter.class, name)
                .importFrom(new File(System.getProperty("it.war")))
                .as(WebArchive.class);
    }
}
