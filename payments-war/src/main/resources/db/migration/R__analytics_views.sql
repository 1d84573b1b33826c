-- What the ai service's analytics role (${analyticsRole}) may read of this schema: each payment's status, amount,
-- decline reason and time, for the failure rate. No customer, no authorisation code. SELECT on this view is the
-- only grant; the guard lets the service migrate where the role does not exist (the other services' own tests).
-- Repeatable: Flyway runs it again whenever it changes. Dropped and re-created, so a column can also go away.
drop view if exists analytics_payments;

create view analytics_payments as
    select id, order_id, status, amount_cents, currency, reason, created_at
      from payments;

do $$
begin
    if exists (select from pg_roles where rolname = '${analyticsRole}') then
        execute format('grant usage on schema %I to %I', current_schema(), '${analyticsRole}');
        execute format('grant select on analytics_payments to %I', '${analyticsRole}');
    end if;
end $$;
