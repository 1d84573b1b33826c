package com.forno.pizzeria.platform.persistence;

/**
 * Every WAR defines its one datasource under this name (a {@code @DataSourceDefinition} reading
 * {@code pizzeria.datasource.url}, {@code .user} and {@code .password} from MicroProfile Config), so the platform's
 * migrations, outbox, inbox and health checks find it without knowing which service they run in.
 */
public final class Database {

    public static final String JNDI_NAME = "java:app/jdbc/pizzeria";

    private Database() {
    }
}
