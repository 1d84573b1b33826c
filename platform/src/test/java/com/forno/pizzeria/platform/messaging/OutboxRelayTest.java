package com.forno.pizzeria.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the relay does when its instance stops. Publishing and the sweep need a broker and a database:
 * OutboxPathsIT, BrokerOutageIT and SecretsIT prove them on Payara.
 */
class OutboxRelayTest {

    final List<List<OutboxSweep.Row>> recorded = new ArrayList<>();
    final OutboxRelay relay = new OutboxRelay();

    @BeforeEach
    void sweep() {
        relay.sweep = new OutboxSweep() {
            @Override
            public void markSent(List<Row> confirmed) {
                recorded.add(List.copyOf(confirmed));
            }
        };
    }

    @Test
    void recordsTheRowsTheBrokerConfirmedWhenItStopsSoThatNoSweepSendsThemAgain() {
        var first = row();
        var second = row();
        relay.confirmedUnmarked.addAll(List.of(first, second));

        relay.stop();

        assertThat(recorded).containsExactly(List.of(first, second));
        assertThat(relay.confirmedUnmarked).isEmpty();
    }

    @Test
    void tellsTheDatabaseNothingWhenNothingWaits() {
        relay.stop();

        assertThat(recorded).isEmpty();
    }

    @Test
    void stopsEvenWhenTheDatabaseIsAway() {
        relay.sweep = new OutboxSweep() {
            @Override
            public void markSent(List<Row> confirmed) throws SQLException {
                throw new SQLException("the database is away");
            }
        };
        relay.confirmedUnmarked.add(row());

        relay.stop();

        assertThat(relay.confirmedUnmarked).as("forgotten: the sweep sends them again").isEmpty();
    }

    private static OutboxSweep.Row row() {
        return new OutboxSweep.Row(UUID.randomUUID(), null, "stock.commands", "ReserveStock", "it", "{}", null);
    }
}
