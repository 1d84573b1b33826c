-- What the ai service's analytics role (${analyticsRole}) may read of this schema: a customer's id and name, for
-- "best customers" (name and number of orders). Never the e-mail, phone, address or password hash; a deleted
-- account (personal data erased) is not listed. SELECT on this view is the only grant; the guard lets the
-- service migrate where the role does not exist (the other services' own tests).
-- Repeatable: Flyway runs it again whenever it changes. Dropped and re-created, so a column can also go away.
drop view if exists analytics_customers;

create view analytics_customers as
    select id, name
      from users
     where deleted_at is null;

do $$
begin
    if exists (select from pg_roles where rolname = '${analyticsRole}') then
        execute format('grant usage on schema %I to %I', current_schema(), '${analyticsRole}');
        execute format('grant select on analytics_customers to %I', '${analyticsRole}');
    end if;
end $$;
