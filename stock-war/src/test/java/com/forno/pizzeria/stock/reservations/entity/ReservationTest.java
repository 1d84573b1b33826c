package com.forno.pizzeria.stock.reservations.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReservationTest {

    static final Instant NOW = Instant.parse("2026-12-01T19:00:00Z");

    static Reservation held() {
        return Reservation.held(UUID.randomUUID(), new TreeMap<>(Map.of("MUCARELA", 400L, "MASSA", 2L)),
                NOW.plusSeconds(600), NOW);
    }

    static Reservation expired() {
        Reservation reservation = held();
        reservation.expire(NOW.plusSeconds(600));
        return reservation;
    }

    @Test
    void anExpiredHoldConfirmedLateAndHeldAgainIsSoldWithItsSalePending() {
        Reservation reservation = expired();

        reservation.heldAgainAndCommitted("held again", NOW.plusSeconds(700));

        assertThat(reservation.state()).isEqualTo(ReservationState.COMMITTED);
        assertThat(reservation.reason()).isEqualTo("held again");
        assertThat(reservation.salePending()).isTrue();
        assertThat(reservation.needs()).containsExactly(Map.entry("MASSA", 2L), Map.entry("MUCARELA", 400L));
    }

    @Test
    void anExpiredHoldConfirmedLateWhoseStockIsGoneIsLostWithItsShortagesAndSellsNothing() {
        Reservation reservation = expired();

        reservation.lost("EXPIRED", "[{\"sku\":\"MUCARELA\",\"needed\":400,\"available\":100}]", NOW.plusSeconds(700));

        assertThat(reservation.state()).isEqualTo(ReservationState.LOST);
        assertThat(reservation.reason()).isEqualTo("EXPIRED");
        assertThat(reservation.shortagesJson()).contains("MUCARELA");
        assertThat(reservation.salePending()).isFalse();
    }

    @Test
    void onlyAnExpiredHoldCanBeHeldAgainOrLost() {
        Reservation committed = held();
        committed.commit(NOW);
        Reservation lost = expired();
        lost.lost("EXPIRED", "[]", NOW);
        Reservation recommitted = expired();
        recommitted.heldAgainAndCommitted("held again", NOW);

        for (Reservation reservation : new Reservation[] {held(), committed, lost, recommitted}) {
            assertThatThrownBy(() -> reservation.heldAgainAndCommitted("held again", NOW))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> reservation.lost("EXPIRED", "[]", NOW)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anExpiredHoldWhoseOrderWentAwayIsReleasedAndCannotBeHeldAgain() {
        Reservation reservation = expired();

        reservation.releaseExpired("CANCELLED_BY_ADMIN", NOW.plusSeconds(700));

        assertThat(reservation.state()).isEqualTo(ReservationState.RELEASED);
        assertThat(reservation.reason()).isEqualTo("CANCELLED_BY_ADMIN");
        assertThatThrownBy(() -> reservation.heldAgainAndCommitted("held again", NOW.plusSeconds(800)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> held().releaseExpired("CANCELLED_BY_ADMIN", NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLostReservationIsFinal() {
        Reservation lost = Reservation.lostWithoutHold(UUID.randomUUID(), "NO_RESERVATION", "[]", NOW);

        assertThat(lost.state()).isEqualTo(ReservationState.LOST);
        assertThat(lost.needs()).isEmpty();
        assertThatThrownBy(() -> lost.commit(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> lost.expire(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> lost.release("CANCELLED", NOW)).isInstanceOf(IllegalStateException.class);
    }
}
