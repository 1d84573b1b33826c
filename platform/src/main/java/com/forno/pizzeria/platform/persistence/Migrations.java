package com.forno.pizzeria.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.lang.System.Logger.Level;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Brings the service's schema up to date before anything else runs: first the platform's tables (outbox, inbox),
 * then the service's own {@code db/migration}. JPA never generates DDL. A failed migration fails the deployment,
 * so the instance never reports ready on a schema it does not understand.
 */
@ApplicationScoped
public class Migrations {

    private static final System.Logger LOG = System.getLogger(Migrations.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "pizzeria.datasource.schema")
    String schema;

    /**
     * The read-only role of the ai service's analytics: migrations grant it SELECT on their whitelisted views
     * ({@code ${analyticsRole}} in SQL), nothing else.
     */
    @Inject
    @ConfigProperty(name = "pizzeria.analytics.role", defaultValue = "pizzeria_analytics")
    String analyticsRole;

    private volatile boolean done;

    public void migrate() {
        long began = System.nanoTime();
        migrate("db/platform", "flyway_platform_history");
        migrate("db/migration", "flyway_schema_history");
        done = true;
        LOG.log(Level.INFO, "schema {0} migrated in {1} ms", schema, (System.nanoTime() - began) / 1_000_000);
    }

    private void migrate(String location, String historyTable) {
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .table(historyTable)
                .locations("classpath:" + location)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of("analyticsRole", analyticsRole))
                .load()
                .migrate();
    }

    public boolean done() {
        return done;
    }
}
