-- What the probe handlers of the integration tests applied: one row per effect. Deliberately no unique key on
-- message_id: a second effect of the same message must show up as a second row, not be stopped by the table.
create table probe_effect (
    id          bigserial   primary key,
    message_id  uuid        not null,
    queue       text        not null,
    applied_at  timestamptz not null default now()
);
create index probe_effect_message on probe_effect (message_id);
