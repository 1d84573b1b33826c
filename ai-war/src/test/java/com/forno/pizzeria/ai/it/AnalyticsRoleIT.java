package com.forno.pizzeria.ai.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.ai.analytics.control.AnalyticsDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one exception to "no service reads another's tables" is safe: the analytics role can SELECT the
 * whitelisted views and nothing else, cannot write anywhere, and a slow statement is cancelled.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnalyticsRoleIT {

    @BeforeAll
    static void otherServicesSchemas() {
        Shop.ready();
    }

    @Test
    void theRoleCanSelectOnlyTheWhitelistedViewsAndWriteNowhere() throws SQLException {
        List<String> relations = new ArrayList<>();
        List<String> writable = new ArrayList<>();
        List<String> readable = new ArrayList<>();
        try (Connection db = Shop.superuser(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("""
                     select n.nspname || '.' || c.relname as relation,
                            has_table_privilege('%1$s', c.oid, 'INSERT') or has_table_privilege('%1$s', c.oid, 'UPDATE')
                            or has_table_privilege('%1$s', c.oid, 'DELETE') or has_table_privilege('%1$s', c.oid, 'TRUNCATE')
                            or has_table_privilege('%1$s', c.oid, 'REFERENCES') or has_table_privilege('%1$s', c.oid, 'TRIGGER')
                            or has_any_column_privilege('%1$s', c.oid, 'INSERT')
                            or has_any_column_privilege('%1$s', c.oid, 'UPDATE') as writes,
                            has_table_privilege('%1$s', c.oid, 'SELECT')
                            or has_any_column_privilege('%1$s', c.oid, 'SELECT') as reads
                       from pg_class c join pg_namespace n on n.oid = c.relnamespace
                      where c.relkind in ('r', 'v', 'm', 'p', 'f')
                        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%%'
                     """.formatted(Shop.role()))) {
            while (rows.next()) {
                relations.add(rows.getString("relation"));
                if (rows.getBoolean("writes")) {
                    writable.add(rows.getString("relation"));
                }
                if (rows.getBoolean("reads")) {
                    readable.add(rows.getString("relation"));
                }
            }
        }

        assertThat(relations).contains("users.users", "orders.orders", "stock.ingredient", "payments.payments",
                "ai.outbox", "orders.analytics_orders");
        assertThat(writable).isEmpty();
        assertThat(readable).containsExactlyInAnyOrderElementsOf(Shop.WHITELIST);
    }

    @Test
    void theRoleCanCreateNothing() throws SQLException {
        try (Connection db = Shop.superuser(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("""
                     select bool_or(has_schema_privilege('%1$s', oid, 'CREATE')),
                            has_database_privilege('%1$s', current_database(), 'CREATE'),
                            (select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles
                              where rolname = '%1$s')
                       from pg_namespace""".formatted(Shop.role()))) {
            rows.next();
            assertThat(rows.getBoolean(1)).as("CREATE on a schema").isFalse();
            assertThat(rows.getBoolean(2)).as("CREATE on the database").isFalse();
            assertThat(rows.getBoolean(3)).as("a privileged role").isFalse();
        }
    }

    @Test
    void everyWriteThroughTheRoleFails() throws SQLException {
        Map<String, Long> before = Shop.rowCounts();
        List<String> attempts = List.of(
                "insert into orders.analytics_orders (id, customer_id, status, total_cents, currency, created_at) "
                        + "values (gen_random_uuid(), gen_random_uuid(), 'PENDING', 1, 'BRL', now())",
                "update users.users set name = 'owned'",
                "update users.analytics_customers set name = 'owned'",
                "delete from stock.product",
                "delete from payments.analytics_payments",
                "truncate orders.order_lines",
                "create table public.owned (id int)",
                "create temporary table owned (id int)",
                "select * from users.users",
                "select email from users.users");
        for (String attempt : attempts) {
            try (Connection db = Shop.analytics(); Statement sql = db.createStatement()) {
                assertThatThrownBy(() -> sql.execute(attempt)).as(attempt).isInstanceOf(SQLException.class);
            }
        }
        // even with its read-only default switched off, the role has no privilege to write with
        try (Connection db = Shop.analytics(); Statement sql = db.createStatement()) {
            sql.execute("set default_transaction_read_only = off");
            assertThatThrownBy(() -> sql.execute("update orders.orders set status = 'CANCELLED'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.execute("insert into users.analytics_customers (id, name) values "
                    + "(gen_random_uuid(), 'x')")).isInstanceOf(SQLException.class);
        }
        assertThat(Shop.rowCounts()).isEqualTo(before);
    }

    @Test
    void theRoleReadsTheViews() throws SQLException {
        try (Connection db = Shop.analytics(); Statement sql = db.createStatement()) {
            for (String view : Shop.WHITELIST) {
                try (ResultSet rows = sql.executeQuery("select count(*) from " + view)) {
                    assertThat(rows.next()).as(view).isTrue();
                }
            }
        }
    }

    @Test
    void aSlowStatementIsCancelledByTheRolesTimeout() throws SQLException {
        try (Connection db = Shop.analytics(); Statement sql = db.createStatement()) {
            // cancelled by PostgreSQL's statement timeout (57014, said so), not by anything of the client's
            assertThatThrownBy(() -> sql.execute("select pg_sleep(10)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"))
                    .hasMessageContaining("statement timeout");
        }
    }

    /** The WAR's own session settings hold without any role setting: here on the superuser, which has none. */
    @Test
    void theServicesSessionSettingsEnforceTheTimeoutAndReadOnlyByThemselves() throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("user", "postgres");
        settings.setProperty("password", "");
        String[] option = AnalyticsDatabase.SESSION_OPTIONS.split("=", 2);
        settings.setProperty(option[0], option[1]);
        try (Connection db = DriverManager.getConnection(Shop.url(), settings); Statement sql = db.createStatement()) {
            try (ResultSet rows = sql.executeQuery("show default_transaction_read_only")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("on");
            }
            assertThatThrownBy(() -> sql.execute("create table public.owned (id int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
            // cancelled by PostgreSQL's statement timeout (57014, said so), not by anything of the client's
            assertThatThrownBy(() -> sql.execute("select pg_sleep(10)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"))
                    .hasMessageContaining("statement timeout");
        }
    }
}
