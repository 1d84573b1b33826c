package com.forno.pizzeria.platform.outages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** An outage is waited out and spends no delivery; a failure of the work itself is the message's fault. */
class OutagesTest {

    @Test
    void theDatabaseAwayOrBusyIsAnOutage() {
        for (String state : new String[] {"08006", "08001", "53300", "57P01", "57P03", "40001", "40P01", "55P03",
                "25P03"}) {
            assertThat(Outages.isOutage(new SQLException("away", state))).as(state).isTrue();
        }
        assertThat(Outages.isOutage(new SQLTransientConnectionException("pool empty"))).isTrue();
        assertThat(Outages.isOutage(new SQLRecoverableException("connection lost"))).isTrue();
        assertThat(Outages.isOutage(new ConnectException("refused"))).isTrue();
        assertThat(Outages.isOutage(new Unavailable("the card processor", new RuntimeException("timeout")))).isTrue();
    }

    @Test
    void aFailureOfTheWorkIsNoOutage() {
        for (String state : new String[] {"23505", "23503", "22001", "42P01", "40000", "0800", null}) {
            assertThat(Outages.isOutage(new SQLException("wrong", state))).as(String.valueOf(state)).isFalse();
        }
        assertThat(Outages.isOutage(new IllegalStateException("a bug"))).isFalse();
        assertThat(Outages.isOutage(new IllegalArgumentException("unknown message type"))).isFalse();
    }

    @Test
    void anOutageIsFoundAnywhereAmongTheCausesAndChainedExceptions() {
        Exception wrapped = new RuntimeException("handling failed",
                new IllegalStateException("persisting", new SQLException("terminating connection", "57P01")));
        assertThat(Outages.isOutage(wrapped)).isTrue();

        SQLException batch = new SQLException("batch failed", "23505");
        batch.setNextException(new SQLException("connection reset", "08006"));
        assertThat(Outages.isOutage(batch)).as("through getNextException").isTrue();
    }
}
