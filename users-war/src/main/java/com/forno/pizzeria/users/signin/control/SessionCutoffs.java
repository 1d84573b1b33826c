package com.forno.pizzeria.users.signin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cut-offs every service polls (the platform's {@code SessionCutoffs}): the users whose sessions ended lately,
 * each with the second before which their access tokens are refused. Only cut-offs younger than an access token's
 * life (and the verifiers' clock skew) are listed: the tokens an older one concerns have expired anyway, so the
 * list stays small.
 */
@ApplicationScoped
public class SessionCutoffs {

    /** MicroProfile JWT's default clock skew: an expired token is accepted this long. */
    private static final long CLOCK_SKEW_SECONDS = 60;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "users.jwt.ttl-seconds", defaultValue = "900")
    long ttlSeconds;

    Clock clock = Clock.systemUTC();

    /** User id → not-before, for the cut-offs that still matter. */
    public Map<UUID, Instant> recent() {
        Instant since = clock.instant().minusSeconds(ttlSeconds + CLOCK_SKEW_SECONDS);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, not_before from session_cutoffs where not_before > ?1")
                .setParameter(1, java.sql.Timestamp.from(since))
                .getResultList();
        Map<UUID, Instant> cutoffs = new LinkedHashMap<>();
        for (Object[] row : rows) {
            cutoffs.put(row[0] instanceof UUID id ? id : UUID.fromString(row[0].toString()), instant(row[1]));
        }
        return cutoffs;
    }

    static Instant instant(Object column) {
        if (column instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (column instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) column;
    }
}
