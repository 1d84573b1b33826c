-- A declined payment whose authorisation had an unknown outcome (timed out, or failed after the processor may have
-- acted) is voided by reference at the processor before the decline is answered. When that void fails too, the
-- decline still goes out at once and the void is owed from this time on: the resolver retries it until the
-- processor confirms, then clears it. Only a decline can owe one (an approval has a code and is voided by it).
alter table payments
    add column void_pending_since timestamptz,
    add check (void_pending_since is null or status = 'DECLINED');

-- what the resolver and the payments_unresolved gauge look for; normally empty
create index payments_void_pending on payments (void_pending_since) where void_pending_since is not null;
