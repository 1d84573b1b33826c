package com.forno.pizzeria.users.signin.control;

import com.forno.pizzeria.users.accounts.control.Accounts;
import com.forno.pizzeria.users.accounts.entity.User;
import com.forno.pizzeria.users.signin.entity.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sessions: a sign-in starts one (a family of refresh tokens), each refresh rotates its token, and a used token
 * presented again ends the whole family (someone holds a copy: RFC 9700, 4.14.2). A refresh token is 256 random
 * bits, given to the client once and kept here only as its SHA-256. Callers provide the transaction.
 */
@ApplicationScoped
public class Sessions {

    private static final System.Logger LOG = System.getLogger(Sessions.class.getName());

    /** What a client gets: a short access token and the refresh token that continues the session. */
    public record Started(Tokens.AccessToken access, String refreshToken) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Tokens tokens;

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "users.refresh-token.ttl-seconds", defaultValue = "2592000")
    long refreshTtlSeconds;

    Clock clock = Clock.systemUTC();

    private final SecureRandom random = new SecureRandom();

    public Started start(User user) {
        return issue(user, UUID.randomUUID());
    }

    /** The next token of the session, and a fresh access token with the account's role as it is now. */
    public Started refresh(String presented) {
        RefreshToken token = find(presented, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> OAuthError.invalidGrant("The refresh token is not known."));
        if (token.isRevoked()) {
            throw OAuthError.invalidGrant("The refresh token was revoked: sign in again.");
        }
        if (token.isUsed()) {
            int revoked = revokeFamily(token.familyId(), "reused");
            LOG.log(Level.WARNING, "a used refresh token of user {0} was presented again: its session ended ({1} tokens revoked)",
                    token.userId(), revoked);
            throw OAuthError.invalidGrant("The refresh token was already used: the session has ended; sign in again.");
        }
        if (token.isExpired(now())) {
            throw OAuthError.invalidGrant("The refresh token has expired: sign in again.");
        }
        Optional<User> user = accounts.find(token.userId());
        if (user.isEmpty()) {
            revokeFamily(token.familyId(), "account deleted");
            throw OAuthError.invalidGrant("The account no longer exists.");
        }
        token.use(now());
        return issue(user.get(), token.familyId());
    }

    /** Ends the session the token belongs to (RFC 7009: an unknown or revoked token is no error). */
    public void revoke(String presented) {
        find(presented, LockModeType.NONE).ifPresent(token -> revokeFamily(token.familyId(), "revoked"));
    }

    /**
     * Ends every session of the user at once: no refresh token of theirs works any more, and their access tokens
     * issued until now are refused by every service once it has polled the new cut-off ({@link SessionCutoffs}).
     */
    public int endAll(UUID userId, String reason) {
        // the next whole second: tokens carry iat in seconds, and every token issued from now on gets an iat at or
        // after it (see issue), so that none issued before the cut-off shares its second with one issued after.
        // A token issued since an earlier cut-off may carry that cut-off as its iat (issue lifts it there): a new
        // cut-off passes the earlier one, or a second end within the same second would leave such a token working
        Instant notBefore = now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        em.createNativeQuery("insert into session_cutoffs (user_id, not_before) values (?1, ?2)"
                        + " on conflict (user_id) do update set not_before ="
                        + " greatest(session_cutoffs.not_before + interval '1 second', excluded.not_before)")
                .setParameter(1, userId)
                .setParameter(2, java.sql.Timestamp.from(notBefore))
                .executeUpdate();
        return em.createNativeQuery("update refresh_tokens set revoked_at = now(), revoked_reason = ?1"
                        + " where user_id = ?2 and revoked_at is null")
                .setParameter(1, reason)
                .setParameter(2, userId)
                .executeUpdate();
    }

    /** The user's cut-off, if their sessions were ever ended: tokens issued from now on must not predate it. */
    private Optional<Instant> notBefore(UUID userId) {
        List<?> rows = em.createNativeQuery("select not_before from session_cutoffs where user_id = ?1")
                .setParameter(1, userId)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(SessionCutoffs.instant(rows.get(0)));
    }

    private int revokeFamily(UUID familyId, String reason) {
        return em.createNativeQuery("update refresh_tokens set revoked_at = now(), revoked_reason = ?1"
                        + " where family_id = ?2 and revoked_at is null")
                .setParameter(1, reason)
                .setParameter(2, familyId)
                .executeUpdate();
    }

    private Started issue(User user, UUID familyId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = now();
        em.persist(new RefreshToken(familyId, user.id(), hash(refreshToken), now, now.plusSeconds(refreshTtlSeconds)));
        em.flush();
        return new Started(tokens.issue(user, notBefore(user.id())), refreshToken);
    }

    private Optional<RefreshToken> find(String presented, LockModeType lock) {
        if (presented == null || presented.isBlank() || presented.length() > 256) {
            return Optional.empty();
        }
        return em.createQuery("select t from RefreshToken t where t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", hash(presented))
                .setLockMode(lock)
                .getResultStream().findFirst();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
