-- Refresh tokens (issue 15): opaque to the client, kept here only as their SHA-256 (a token is 256 random bits, so
-- a fast hash is enough: nothing to guess). Every use rotates the token: the one used gets used_at and a new one
-- of the same family is issued. A used token presented again means that a copy leaked: the whole family is
-- revoked (RFC 9700 4.14.2). Signing out, and a role change, a password change or a deletion of the account,
-- revoke too. Rows stay (revoked or expired) as the record of a session; nothing reads them once expired.
create table refresh_tokens (
    id             uuid        primary key,
    family_id      uuid        not null,
    user_id        uuid        not null references users (id),
    token_hash     text        not null unique,
    issued_at      timestamptz not null,
    expires_at     timestamptz not null,
    used_at        timestamptz,
    revoked_at     timestamptz,
    revoked_reason text,
    check ((revoked_at is null) = (revoked_reason is null))
);
create index refresh_tokens_family on refresh_tokens (family_id);
create index refresh_tokens_live_by_user on refresh_tokens (user_id) where revoked_at is null;
