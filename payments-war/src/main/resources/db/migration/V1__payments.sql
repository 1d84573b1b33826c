-- One row per order payments has been told about. Every command about an order (authorise, capture, void) first
-- locks this row, so the commands of one order apply one at a time whichever consumer session or instance runs
-- them. A void that arrives before its authorisation leaves its tombstone here (cancelled_at): the late
-- authorisation is then declined without asking the processor.
create table order_locks (
    order_id      uuid        primary key,
    cancelled_at  timestamptz,
    cancel_reason text,
    created_at    timestamptz not null default now(),
    check ((cancelled_at is null) = (cancel_reason is null))
);

-- One row per authorisation attempt; there is at most one attempt per order (a repeated AuthorizePayment answers
-- the first outcome). No card data is kept: the token is used for the processor call and forgotten.
create table payments (
    id                 uuid        primary key,
    order_id           uuid        not null references order_locks (order_id),
    customer_id        uuid        not null,
    status             text        not null check (status in ('AUTHORIZED', 'CAPTURED', 'DECLINED', 'VOIDED', 'REFUNDED')),
    amount_cents       bigint      not null check (amount_cents > 0),
    currency           text        not null check (currency = 'BRL'),
    reason             text,
    -- the processor's reference of the hold; capture, void and refund name it
    authorization_code text,
    -- how often the processor was called for this payment, retries included (support: "was the card hit twice?")
    processor_calls    integer     not null default 0 check (processor_calls >= 0),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null default 0,
    check (status <> 'DECLINED' or reason is not null),
    check ((status = 'DECLINED') = (authorization_code is null))
);
create unique index payments_one_per_order on payments (order_id);
