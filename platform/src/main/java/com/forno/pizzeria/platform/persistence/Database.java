package com.forno.pizzeria.platform.persistence;

/**
 * Every WAR defines its one datasource under this name (a {@code @DataSourceDefinition} reading
 * {@code pizzeria.datasource.url}, {@code .user} and {@code .password} from MicroProfile Config), so the platform's
 * migrations, outbox, inbox and health checks find it without knowing which service they run in.
 */
public final class Database {

    public static final String JNDI_NAME = "java:app/jdbc/pizzeria";

    /*
     * Payara's pool properties that make a pool survive a database restart: a connection is checked before it is
     * handed out (JDBC 4 isValid: one round trip, at most once every two seconds per connection), and when one is
     * found dead every pooled connection is dropped, since after a restart all of them are. Without them, each dead
     * connection failed one transaction after PostgreSQL came back.
     */
    public static final String VALIDATE = "fish.payara.is-connection-validation-required=true";
    public static final String VALIDATION_METHOD = "fish.payara.connection-validation-method=custom-validation";
    public static final String VALIDATOR =
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation";
    public static final String VALIDATE_AT_MOST_EVERY = "fish.payara.validate-atmost-once-period-in-seconds=2";
    public static final String DROP_ALL_WHEN_ONE_IS_DEAD = "fish.payara.fail-all-connections=true";

    private Database() {
    }
}
