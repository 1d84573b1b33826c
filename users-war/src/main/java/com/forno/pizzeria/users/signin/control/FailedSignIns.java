package com.forno.pizzeria.users.signin.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-account throttling of failed sign-ins, kept in memory by the instance, on two levels:
 * <ul>
 *   <li>one account from one client address: {@code free-per-address} failures (5), then each further failure
 *       closes that pair for 1, 2, 4… seconds, at most {@code max-wait-per-address-seconds} (300): a password
 *       guessed slowly from one place gets about a dozen tries an hour. A success from that address ends it.</li>
 *   <li>one account from anywhere: {@code free-per-account} failures (20), then 1, 2, 4… seconds, at most
 *       {@code max-wait-per-account-seconds} (60): guesses spread over many addresses are slowed too.</li>
 * </ul>
 * Nothing locks an account: the longest anyone else's failures can keep its owner out is the account-wide cap
 * (a minute after the last failed try), and the owner's own address is only slowed by the owner's own failures
 * (or by someone sharing that address). A refused try costs no password hash and is not counted as a failure.
 * Failures are forgotten after {@code forget-after-hours} (24) without one. The unknown emails are throttled like
 * the known ones, so the answer tells nothing about which exist. At most {@code max-entries} pairs are kept:
 * beyond that the ones not closed now are dropped first (a flood of made-up emails cannot fill the heap).
 */
@ApplicationScoped
public class FailedSignIns {

    @Inject
    @ConfigProperty(name = "users.signin.throttle.free-per-address", defaultValue = "5")
    int freePerAddress;

    @Inject
    @ConfigProperty(name = "users.signin.throttle.max-wait-per-address-seconds", defaultValue = "300")
    long maxWaitPerAddress;

    @Inject
    @ConfigProperty(name = "users.signin.throttle.free-per-account", defaultValue = "20")
    int freePerAccount;

    @Inject
    @ConfigProperty(name = "users.signin.throttle.max-wait-per-account-seconds", defaultValue = "60")
    long maxWaitPerAccount;

    @Inject
    @ConfigProperty(name = "users.signin.throttle.forget-after-hours", defaultValue = "24")
    long forgetAfterHours;

    @Inject
    @ConfigProperty(name = "users.signin.throttle.max-entries", defaultValue = "20000")
    int maxEntries;

    Clock clock = Clock.systemUTC();

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();

    /** Failures so far, and until when the next try is refused. */
    private record Failures(int count, Instant last, Instant closedUntil) {
    }

    @PostConstruct
    void check() {
        if (freePerAddress < 1 || freePerAccount < 1 || maxWaitPerAddress < 1 || maxWaitPerAccount < 1) {
            throw new IllegalStateException("users.signin.throttle.* must be positive");
        }
    }

    /** Refuses the try (with how long to wait) while the account, from this address or at all, is closed. */
    public void check(String account, String address) {
        Instant now = clock.instant();
        long wait = Math.max(remaining(byAddress.get(key(account, address)), now), remaining(byAccount.get(account), now));
        if (wait > 0) {
            throw new SignInThrottled(wait);
        }
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        if (byAddress.size() + byAccount.size() > maxEntries) {
            prune(now);
        }
        byAddress.compute(key(account, address), (key, failures) -> next(failures, now, freePerAddress, maxWaitPerAddress));
        byAccount.compute(account, (key, failures) -> next(failures, now, freePerAccount, maxWaitPerAccount));
    }

    /** The right password from this address: its failures are forgotten (not the account's, which others made). */
    public void succeeded(String account, String address) {
        byAddress.remove(key(account, address));
    }

    private Failures next(Failures failures, Instant now, int free, long maxWait) {
        int count = failures == null || forgotten(failures, now) ? 1 : failures.count() + 1;
        Instant closedUntil = now;
        if (count > free) {
            int doublings = Math.min(count - free - 1, 30);
            closedUntil = now.plusSeconds(Math.min(1L << doublings, maxWait));
        }
        return new Failures(count, now, closedUntil);
    }

    private long remaining(Failures failures, Instant now) {
        if (failures == null || !failures.closedUntil().isAfter(now)) {
            return 0;
        }
        // whole seconds, rounded up: what Retry-After says
        return Math.max(1, (Duration.between(now, failures.closedUntil()).toMillis() + 999) / 1000);
    }

    private boolean forgotten(Failures failures, Instant now) {
        return failures.last().plus(Duration.ofHours(forgetAfterHours)).isBefore(now);
    }

    private void prune(Instant now) {
        byAddress.values().removeIf(f -> forgotten(f, now));
        byAccount.values().removeIf(f -> forgotten(f, now));
        if (byAddress.size() + byAccount.size() > maxEntries) {
            byAddress.values().removeIf(f -> !f.closedUntil().isAfter(now));
            byAccount.values().removeIf(f -> !f.closedUntil().isAfter(now));
        }
    }

    private static String key(String account, String address) {
        return account + " " + address;
    }
}
