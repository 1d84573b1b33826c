package com.forno.pizzeria.platform.it;

import java.io.File;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * The one deployment of every integration test of the module (Payara Micro starts once for all of them): the
 * platform jar as a service WAR packages it, its runtime libraries, and the probe handlers of this package with
 * their {@code db/migration}.
 */
@ArquillianSuiteDeployment
public class PlatformDeployment {

    @Deployment
    public static WebArchive platformWithProbes() {
        // target/classes as a jar in WEB-INF/lib, where a service WAR has it (its @Startup EJB is found there)
        JavaArchive platform = ShrinkWrap.create(ExplodedImporter.class, "platform.jar")
                .importDirectory("target/classes").as(JavaArchive.class);
        File[] runtime = Maven.resolver().loadPomFromFile("pom.xml")
                .importCompileAndRuntimeDependencies().resolve().withTransitivity().asFile();
        // in-container tests run their assertions inside Payara
        File[] testLibraries = Maven.resolver().loadPomFromFile("pom.xml")
                .resolve("org.assertj:assertj-core", "org.awaitility:awaitility").withTransitivity().asFile();
        return ShrinkWrap.create(WebArchive.class, "platform-it.war")
                .addAsLibrary(platform)
                .addAsLibraries(runtime)
                .addAsLibraries(testLibraries)
                .addPackage(PlatformDeployment.class.getPackage())
                .addAsResource("db/migration/V1__probe_effects.sql")
                .addAsResource("META-INF/probe-persistence.xml", "META-INF/persistence.xml")
                .addAsWebInfResource(new StringAsset("""
                        <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0"
                               bean-discovery-mode="annotated"/>
                        """), "beans.xml");
    }
}
