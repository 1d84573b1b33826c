package com.forno.pizzeria.users.signin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a session (its family), known here only by its hash. It can be used once: using it marks it
 * used, and the session goes on with a new token of the same family.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

    @Id
    private UUID id;
    @Column(updatable = false)
    private UUID familyId;
    @Column(updatable = false)
    private UUID userId;
    @Column(updatable = false)
    private String tokenHash;
    @Column(updatable = false)
    private Instant issuedAt;
    @Column(updatable = false)
    private Instant expiresAt;
    private Instant usedAt;
    private Instant revokedAt;
    private String revokedReason;

    protected RefreshToken() {
    }

    public RefreshToken(UUID familyId, UUID userId, String tokenHash, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.familyId = familyId;
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.issuedAt = now;
        this.expiresAt = expiresAt;
    }

    public void use(Instant now) {
        if (usedAt != null) {
            throw new IllegalStateException("a refresh token is used once");
        }
        usedAt = now;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public UUID familyId() {
        return familyId;
    }

    public UUID userId() {
        return userId;
    }
}
