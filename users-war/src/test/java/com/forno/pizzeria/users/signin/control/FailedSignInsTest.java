package com.forno.pizzeria.users.signin.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {

    static final String ANA = "ana@example.com";
    static final String HOME = "198.51.100.7";
    static final String ATTACKER = "203.0.113.9";

    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    FailedSignIns throttle;

    @BeforeEach
    void throttle() {
        throttle = new FailedSignIns();
        throttle.freePerAddress = 5;
        throttle.maxWaitPerAddress = 300;
        throttle.freePerAccount = 20;
        throttle.maxWaitPerAccount = 60;
        throttle.forgetAfterHours = 24;
        throttle.maxEntries = 1000;
        throttle.check();
        tick(Duration.ZERO);
    }

    @Test
    void fiveFailuresAreFreeThenTheWaitDoublesFromOneSecond() {
        failRepeatedly(ATTACKER, 5);
        assertThatCode(() -> throttle.check(ANA, ATTACKER)).doesNotThrowAnyException();

        throttle.failed(ANA, ATTACKER);
        assertThat(waitFor(ATTACKER)).isEqualTo(1);
        tick(Duration.ofSeconds(1));
        throttle.failed(ANA, ATTACKER);
        assertThat(waitFor(ATTACKER)).isEqualTo(2);
        tick(Duration.ofSeconds(2));
        throttle.failed(ANA, ATTACKER);
        assertThat(waitFor(ATTACKER)).isEqualTo(4);
    }

    @Test
    void aSlowGuesserFromOneAddressWaitsFiveMinutesBetweenTriesAtMost() {
        for (int i = 0; i < 30; i++) {
            throttle.failed(ANA, ATTACKER);
            tick(Duration.ofSeconds(300));
        }
        throttle.failed(ANA, ATTACKER);
        assertThat(waitFor(ATTACKER)).isEqualTo(300);
    }

    @Test
    void anotherAddressIsNotSlowedByAFewOfSomeoneElsesFailures() {
        failRepeatedly(ATTACKER, 10);

        assertThat(waitFor(ATTACKER)).isPositive();
        assertThatCode(() -> throttle.check(ANA, HOME)).doesNotThrowAnyException();
        assertThatCode(() -> throttle.check("bia@example.com", ATTACKER)).doesNotThrowAnyException();
    }

    @Test
    void failuresFromManyAddressesSlowTheAccountButForAMinuteAtMost() {
        for (int i = 0; i < 40; i++) {
            throttle.failed(ANA, "10.0.0." + i);
            tick(Duration.ofSeconds(61));
        }
        throttle.failed(ANA, "10.0.0.99");

        assertThat(waitFor(HOME)).isEqualTo(60);
        tick(Duration.ofSeconds(60));
        assertThatCode(() -> throttle.check(ANA, HOME)).doesNotThrowAnyException();
    }

    @Test
    void aSuccessFromTheAddressForgetsItsFailures() {
        failRepeatedly(HOME, 5);
        throttle.succeeded(ANA, HOME);

        throttle.failed(ANA, HOME);
        assertThatCode(() -> throttle.check(ANA, HOME)).doesNotThrowAnyException();
    }

    @Test
    void failuresAreForgottenAfterADayWithoutOne() {
        failRepeatedly(ATTACKER, 12);
        tick(Duration.ofHours(25));

        throttle.failed(ANA, ATTACKER);
        assertThatCode(() -> throttle.check(ANA, ATTACKER)).doesNotThrowAnyException();
    }

    @Test
    void aFloodOfMadeUpAccountsIsBoundedInMemory() {
        for (int i = 0; i < 5000; i++) {
            throttle.failed("nobody-" + i + "@example.com", ATTACKER);
        }
        failRepeatedly(ATTACKER, 6);

        // the ones closed right now survive the pruning
        assertThat(waitFor(ATTACKER)).isPositive();
    }

    private void failRepeatedly(String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(ANA, address);
        }
    }

    private long waitFor(String address) {
        SignInThrottled refused = catchThrowableOfType(SignInThrottled.class, () -> throttle.check(ANA, address));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.getResponse().getHeaderString("Retry-After")).isEqualTo(String.valueOf(refused.retryAfterSeconds()));
        return refused.retryAfterSeconds();
    }

    private void tick(Duration duration) {
        now = now.plus(duration);
        throttle.clock = Clock.fixed(now, ZoneOffset.UTC);
    }
}
