-- Orders and the saga that decides them. The saga's state is the order's status plus the bookkeeping of what
-- it waits for (attempts, next_attempt_at, hold_expires_at); every transition is a row of order_timeline.
create table orders (
    id               uuid        primary key,
    customer_id      uuid        not null,
    idempotency_key  text        not null,
    request_hash     text        not null,
    status           text        not null check (status in ('PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'PREPARING',
                                                             'OUT_FOR_DELIVERY', 'DELIVERED', 'REJECTED', 'CANCELLED')),
    reason           text        check (reason in ('OUT_OF_STOCK', 'PAYMENT_DECLINED', 'CANCELLED_BY_CUSTOMER',
                                                   'CANCELLED_BY_ADMIN', 'EXPIRED')),
    shortages        text,       -- JSON array [{sku, needed, available}] when rejected for lack of stock
    total_cents      bigint      not null check (total_cents > 0),
    currency         text        not null default 'BRL',
    street           text,
    number           text,
    complement       text,
    district         text,
    city             text,
    state            text,
    postal_code      text,
    card_token       text,       -- kept only until the payment is decided
    payment_reason   text,       -- why the payment was declined (processor's words)
    hold_expires_at  timestamptz,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    decided_at       timestamptz,
    version          bigint      not null default 0,
    unique (customer_id, idempotency_key)
);
create index orders_customer on orders (customer_id, created_at desc);
create index orders_status on orders (status, created_at desc);
create index orders_waiting on orders (next_attempt_at) where status in ('PENDING', 'AWAITING_PAYMENT');

create table order_lines (
    order_id         uuid    not null references orders (id),
    line             integer not null,
    product_id       uuid    not null,
    name             text    not null,
    quantity         integer not null check (quantity between 1 and 20),
    unit_price_cents bigint  not null check (unit_price_cents > 0),
    primary key (order_id, line)
);

create table order_timeline (
    order_id uuid        not null references orders (id),
    seq      integer     not null,
    status   text        not null,
    reason   text,
    at       timestamptz not null,
    primary key (order_id, seq)
);
