-- Accounts of customers, kitchen staff and admins. A deleted account keeps its row (orders still point at its id)
-- with every personal field erased: see Accounts.delete.
create table users (
    id            uuid        primary key,
    name          text        not null,
    email         text        not null,
    phone         text,
    street        text,
    number        text,
    complement    text,
    district      text,
    city          text,
    state         text        check (state ~ '^[A-Z]{2}$'),
    postal_code   text        check (postal_code ~ '^[0-9]{5}-[0-9]{3}$'),
    password_hash text,
    role          text        not null check (role in ('customer', 'kitchen', 'admin')),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    deleted_at    timestamptz,
    version       bigint      not null default 0,
    check (email = lower(email)),
    check ((deleted_at is null) = (password_hash is not null))
);
create unique index users_email on users (email);
create index users_listing on users (created_at, id) where deleted_at is null;
