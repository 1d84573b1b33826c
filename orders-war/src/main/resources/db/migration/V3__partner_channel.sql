-- Orders from partners over the broker (the channels component): the partners orders consumes from, and on each
-- order the channel it came through. A partner's order is its (partner, partner_order_id): the same id from the same
-- partner is the same order, also when two deliveries race (the unique index).
create table partners (
    name       text        primary key check (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    created_at timestamptz not null default now()
);

alter table orders add column channel text not null default 'WEB' check (channel in ('WEB', 'PARTNER'));
alter table orders add column partner text;
alter table orders add column partner_order_id text;
alter table orders add column payment_method text not null default 'CARD' check (payment_method in ('CARD', 'PREPAID'));
alter table orders add column customer_name text;
alter table orders add column customer_phone text;
alter table orders add constraint orders_partner_named
    check ((channel = 'PARTNER') = (partner is not null and partner_order_id is not null));
create unique index orders_partner_order on orders (partner, partner_order_id) where partner is not null;

-- A CancelOrder that came before its PlaceOrder (two consumers, or the partner's own retries, can reorder them): the
-- order is refused when it comes, and the partner's one final reply was the cancellation.
create table partner_cancellations (
    partner          text        not null,
    partner_order_id text        not null,
    cancelled_at     timestamptz not null default now(),
    primary key (partner, partner_order_id)
);
