-- Changes to the report tables wait here until folded (Folding): each event's transaction appends its order's
-- tally changes instead of updating the report rows, so that concurrent events never queue behind one another on a
-- hot row (today's sales, a popular pizza, this hour's approvals); one folder at a time sums a batch of them into
-- the report tables, several times a second. A row is one Tally of one order, added (+1) or taken away (-1).
create table tally_changes (
    id            bigserial   primary key,
    kind          text        not null check (kind in ('SALE', 'PRODUCT_SALE', 'PAYMENT', 'REJECTION', 'MISSING')),
    day           date,                   -- SALE, PRODUCT_SALE, REJECTION, MISSING
    hour          timestamptz,            -- PAYMENT
    key           text,                   -- PRODUCT_SALE: product id; PAYMENT: outcome; REJECTION: reason; MISSING: sku
    detail        text,                   -- PAYMENT: the decline's reason ('' when approved)
    name          text,                   -- PRODUCT_SALE, MISSING
    orders        integer     not null check (orders in (-1, 1)),
    units         bigint      not null default 0,
    revenue_cents bigint      not null default 0,
    queued_at     timestamptz not null default now()
);

-- The staff's lists sort by created_at desc nulls last, order_id: indexes in that order spare a sort of every match.
drop index order_summaries_created;
drop index order_summaries_status;
create index order_summaries_created on order_summaries (created_at desc nulls last, order_id);
create index order_summaries_status on order_summaries (status, created_at desc nulls last, order_id);
-- orders in progress counted by status from the index alone
drop index order_summaries_in_progress;
create index order_summaries_in_progress on order_summaries (status, created_at)
    where status in ('PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY');
