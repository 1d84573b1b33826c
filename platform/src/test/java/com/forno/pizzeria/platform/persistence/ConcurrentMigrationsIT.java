package com.forno.pizzeria.platform.persistence;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two instances of one service (orders-1 and orders-2) start together on a fresh schema, and both migrate it: both
 * must come up. The second is scheduled a little later each round (0 to 116 ms), which sweeps it across the moment the
 * first has created its history table but not yet filled it: without a lock, that is where the second failed. Runs
 * outside the container, on a schema of its own that is wiped before every round.
 */
class ConcurrentMigrationsIT {

    private static final String SCHEMA = System.getProperty("pizzeria.it.migrations.schema");
    private static final int ROUNDS = 30;
    /** Flyway reports every step of every round at INFO: kept to warnings (a strong reference keeps the level). */
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    @BeforeAll
    static void quietFlyway() {
        FLYWAY.setLevel(Level.WARNING);
    }

    @Test
    void twoInstancesMigratingAFreshSchemaTogetherBothSucceed() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(System.getProperty("pizzeria.it.migrations.url"));
        dataSource.setUser(System.getProperty("pizzeria.it.migrations.user"));
        dataSource.setPassword(System.getProperty("pizzeria.it.migrations.password"));
        ScheduledExecutorService instances = Executors.newScheduledThreadPool(2);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                wipe(dataSource);
                List<Future<?>> starts = List.of(instances.schedule(() -> start(dataSource), 0, MILLISECONDS),
                        instances.schedule(() -> start(dataSource), 4L * (round - 1), MILLISECONDS));
                for (Future<?> start : starts) {
                    start.get(60, TimeUnit.SECONDS); // an ExecutionException carries the instance's failure
                }
                assertThat(applied(dataSource, "flyway_platform_history")).as("round %d", round)
                        .containsExactly("1", "2", "3");
                assertThat(applied(dataSource, "flyway_schema_history")).as("round %d", round).containsExactly("0", "1");
            }
        } finally {
            instances.shutdownNow();
            wipe(dataSource);
        }
    }

    private static Void start(PGSimpleDataSource dataSource) {
        Migrations.migrate(dataSource, SCHEMA, List.of(), Map.of("analyticsRole", "pizzeria_analytics"));
        return null;
    }

    /**
     * The versions in a history table, in order. The platform's starts on an empty schema (no baseline); the
     * service's starts on the platform's tables, so Flyway writes its baseline 0 first.
     */
    private static List<String> applied(PGSimpleDataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery(
                     "select version from " + SCHEMA + "." + table + " where success order by installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            return versions;
        }
    }

    private static void wipe(PGSimpleDataSource dataSource) {
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).cleanDisabled(false).load().clean();
    }
}
