package com.forno.pizzeria.ai.analytics.control;

import com.forno.pizzeria.platform.persistence.Database;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way into other services' data: SELECTs on their whitelisted {@code analytics_*} views, through a
 * PostgreSQL role that can read nothing else and write nowhere ({@code <db>_analytics}, see the README).
 * <p>
 * Defence in depth, so that a missing role setting never leaves a gap: every connection starts read-only with a
 * 3 s statement timeout ({@code options} below, PostgreSQL enforces both); every statement also gets a client-side
 * query timeout ({@code ai.analytics.timeout-seconds}); and this class only runs the fixed, parameterised SQL of
 * its callers. The pool is small and starts empty: the ai service deploys even when the analytics role is not
 * there yet, and answers 503 for the questions that need it.
 * <p>
 * An EJB only because the container reads {@code @DataSourceDefinition} on component classes; bean-managed
 * concurrency and no transactions: it is a plain, concurrent reader.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DataSourceDefinition(name = AnalyticsDatabase.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=ai.analytics.url}",
        user = "${MPCONFIG=ai.analytics.user}",
        password = "${MPCONFIG=ai.analytics.password}",
        minPoolSize = 0,
        initialPoolSize = 0,
        maxPoolSize = 8,
        properties = {
                AnalyticsDatabase.SESSION_OPTIONS,
                "readOnly=true",
                "ApplicationName=pizzeria-ai-analytics",
                "stringType=unspecified",
                Database.VALIDATE, Database.VALIDATION_METHOD, Database.VALIDATOR, Database.VALIDATE_AT_MOST_EVERY,
                Database.DROP_ALL_WHEN_ONE_IS_DEAD})
public class AnalyticsDatabase {

    public static final String JNDI_NAME = "java:app/jdbc/analytics";

    /** PostgreSQL settings of every analytics session, whatever the role's own defaults say. */
    public static final String SESSION_OPTIONS =
            "options=-c statement_timeout=3000 -c default_transaction_read_only=on -c idle_in_transaction_session_timeout=10000";

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "ai.analytics.timeout-seconds", defaultValue = "3")
    int timeoutSeconds;

    /** Runs {@code sql} with {@code parameters} (UUIDs, strings, numbers, times) and maps every row. */
    public <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(timeoutSeconds);
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                statement.setObject(i + 1, parameter instanceof ZonedDateTime time ? time.toOffsetDateTime() : parameter);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new AnalyticsUnavailable(e);
        }
    }
}
