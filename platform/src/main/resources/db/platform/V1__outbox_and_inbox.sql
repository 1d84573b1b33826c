-- The platform's own tables, in the service's schema, versioned apart from the service's tables
-- (history table flyway_platform_history).

-- Messages written in the same transaction as the state change that caused them; the relay publishes them.
create table outbox (
    id             uuid        primary key,
    routing_key    text        not null,
    type           text        not null,
    correlation_id text,
    message        text        not null,   -- the whole envelope, exactly as it goes on the wire
    created_at     timestamptz not null default now(),
    sent_at        timestamptz,
    attempts       integer     not null default 0
);
create index outbox_unsent on outbox (created_at) where sent_at is null;

-- One row per message a consumer has applied: a redelivery finds its id here and has no second effect.
create table inbox (
    message_id  uuid        primary key,
    type        text        not null,
    received_at timestamptz not null default now()
);
create index inbox_received_at on inbox (received_at);
