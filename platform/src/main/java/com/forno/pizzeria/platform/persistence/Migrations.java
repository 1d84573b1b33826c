package com.forno.pizzeria.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Brings the service's schema up to date before anything else runs: first the platform's tables (outbox, inbox),
 * then the service's own {@code db/migration}, then each further schema the service owns
 * ({@code pizzeria.datasource.more-schemas}, e.g. orders' read model {@code orders_read}) from {@code db/<schema>},
 * with its own history in it. JPA never generates DDL. A failed migration fails the deployment,
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

    /** Further schemas of the service's role (created by provisioning), each migrated from {@code db/<schema>}. */
    @Inject
    @ConfigProperty(name = "pizzeria.datasource.more-schemas")
    Optional<String> moreSchemas; // comma-separated (Payara injects no Optional<List<String>>)

    private volatile boolean done;

    public void migrate() {
        long began = System.nanoTime();
        migrate(dataSource, schema, moreSchemas.stream().flatMap(list -> Arrays.stream(list.split(",")))
                        .map(String::strip).filter(more -> !more.isEmpty()).toList(),
                Map.of("analyticsRole", analyticsRole));
        done = true;
        LOG.log(Level.INFO, "schema {0} migrated in {1} ms", schema, (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * The platform's tables, then the service's own, one instance at a time. Flyway serialises applying
     * migrations, but not creating an empty history table and writing its baseline row: two instances of one service
     * starting together on a fresh schema raced there ("Unable to baseline schema history table ... as it already
     * exists, and is empty") and one of them failed its deployment. A PostgreSQL session lock per schema makes them
     * take turns; the second finds everything applied. The lock ends with the session if the process dies.
     */
    static void migrate(DataSource dataSource, String schema, List<String> moreSchemas,
                        Map<String, String> placeholders) {
        try (Connection session = dataSource.getConnection()) {
            String key = "pizzeria-migrations:" + schema;
            advisory(session, "select pg_advisory_lock(hashtext(?))", key);
            try {
                migrate(dataSource, schema, placeholders, "db/platform", "flyway_platform_history");
                migrate(dataSource, schema, placeholders, "db/migration", "flyway_schema_history");
                for (String more : moreSchemas) {
                    migrate(dataSource, more, placeholders, "db/" + more, "flyway_schema_history");
                }
            } finally {
                advisory(session, "select pg_advisory_unlock(hashtext(?))", key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the migration lock of schema " + schema + " failed", e);
        }
    }

    private static void migrate(DataSource dataSource, String schema, Map<String, String> placeholders,
                                String location, String historyTable) {
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .table(historyTable)
                .locations("classpath:" + location)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(placeholders)
                .load()
                .migrate();
    }

    private static void advisory(Connection session, String sql, String key) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            statement.setString(1, key);
            statement.execute();
        }
    }

    public boolean done() {
        return done;
    }
}
