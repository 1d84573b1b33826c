-- The built-in fake card processor's own books. It stands in for an external acquirer, so nothing of payments
-- refers to these tables, and the fake writes them in auto-commit, outside any transaction of payments: what the
-- "processor" did stays done even when payments rolls back, as it would at a real acquirer.

-- One authorisation (hold) per reference, the idempotency key payments sends (the order id): the same reference
-- always answers the same hold, never a second one. A void by reference that finds no hold leaves a VOIDED row
-- without code or amount, so that an authorisation arriving after it under the same reference is refused.
create table fake_processor_holds (
    reference          text        primary key,
    authorization_code text        unique,
    amount_cents       bigint      check (amount_cents > 0),
    currency           text,
    status             text        not null check (status in ('HELD', 'CAPTURED', 'VOIDED', 'REFUNDED')),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    check ((authorization_code is null) = (amount_cents is null)),
    check (authorization_code is not null or status = 'VOIDED')
);

-- The books start from what payments already recorded, so that a stack upgraded with payments in flight can still
-- capture, void or refund them (the codes were, and are, derived from the reference).
insert into fake_processor_holds (reference, authorization_code, amount_cents, currency, status, created_at, updated_at)
select order_id::text, authorization_code, amount_cents, currency,
       case status when 'AUTHORIZED' then 'HELD' else status end, created_at, updated_at
  from payments
 where authorization_code is not null;

-- The fake's failure switch, for tests and fault drills: the next failures_left requests of this operation under
-- this reference fail like a 503, before the processor acts.
create table fake_processor_faults (
    reference     text    not null,
    operation     text    not null check (operation in ('capture', 'void', 'refund')),
    failures_left integer not null check (failures_left >= 0),
    primary key (reference, operation)
);
