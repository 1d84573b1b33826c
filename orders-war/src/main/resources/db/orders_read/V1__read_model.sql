-- The read side of orders (CQRS): what reports and the staff's order lists answer from. Projected from the orders'
-- events (orders.reporting), never written by the saga; every row here can be dropped and rebuilt from the orders'
-- timelines (POST /reports/rebuild). Days and hours are the pizzeria's own, in its time zone, computed when an
-- event is applied.

-- One row per order: everything its events said, merged whatever order they came in (see OrderSummary).
create table order_summaries (
    order_id         uuid        primary key,
    customer_id      uuid,
    channel          text        not null default 'WEB',
    status           text        not null,   -- of the timeline entry with the highest seq seen
    reason           text,
    last_seq         integer     not null,
    items            text,                   -- JSON [{productId, name, quantity, unitPriceCents}], once known
    total_cents      bigint,
    units            integer,
    delivery_address text,                   -- JSON
    shortages        text,                   -- JSON [{sku, needed, available, name}]
    timeline         text        not null,   -- JSON [{seq, status, at, reason}] in seq order
    created_at       timestamptz,
    confirmed_at     timestamptz,
    ended_at         timestamptz,            -- rejected or cancelled
    payment_outcome  text,                   -- APPROVED or DECLINED
    payment_reason   text,
    payment_at       timestamptz,
    event_at         timestamptz not null    -- the newest entry's time; the read model's asOf is their max
);
create index order_summaries_created on order_summaries (created_at desc, order_id);
create index order_summaries_status on order_summaries (status, created_at desc);
create index order_summaries_event_at on order_summaries (event_at);
create index order_summaries_id_prefix on order_summaries ((order_id::text) text_pattern_ops);
create index order_summaries_in_progress on order_summaries (created_at)
    where status in ('PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY');

-- Confirmed sales (not cancelled since) by the local day of their confirmation.
create table sales_by_day (
    day           date   primary key,
    orders        bigint not null,
    units         bigint not null,
    revenue_cents bigint not null
);

create table product_sales (
    day           date   not null,
    product_id    uuid   not null,
    name          text   not null,
    units         bigint not null,
    revenue_cents bigint not null,
    primary key (day, product_id)
);

-- Payment answers by the local hour they came in (the start of that hour, as an instant).
create table payment_outcomes (
    hour     timestamptz not null,
    outcome  text        not null,   -- APPROVED or DECLINED
    reason   text        not null,   -- the processor's reason of a decline; '' when approved
    attempts bigint      not null,
    primary key (hour, outcome, reason)
);

-- Orders that ended without a sale (rejected, cancelled, expired), by the local day they ended.
create table rejections_by_day (
    day    date   not null,
    reason text   not null,
    orders bigint not null,
    primary key (day, reason)
);

create table missing_by_day (
    day    date   not null,
    sku    text   not null,
    name   text,
    orders bigint not null,
    primary key (day, sku)
);

-- Rebuilds: at most one running (a heartbeat older than a minute means its instance died: another may take over).
create table rebuilds (
    id          uuid        primary key,
    state       text        not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    started_at  timestamptz not null,
    heartbeat   timestamptz not null,
    finished_at timestamptz,
    orders      bigint      not null default 0,
    error       text
);
