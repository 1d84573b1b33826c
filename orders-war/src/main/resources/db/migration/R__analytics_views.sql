-- What the ai service's analytics role (${analyticsRole}) may read of this schema: orders without their delivery
-- address, card token, idempotency key or payment details; their lines; and the shortages of the orders stock
-- rejected, one row per short ingredient. SELECT on these views is the only grant; the guard lets the service
-- migrate where the role does not exist (the other services' own tests).
-- Repeatable: Flyway runs it again whenever it changes. Dropped and re-created, so a column can also go away.
drop view if exists analytics_order_shortages;
drop view if exists analytics_order_lines;
drop view if exists analytics_orders;

create view analytics_orders as
    select id, customer_id, status, reason, total_cents, currency, created_at, decided_at
      from orders;

create view analytics_order_lines as
    select l.order_id, o.customer_id, o.status, o.created_at, l.product_id, l.name, l.quantity, l.unit_price_cents
      from order_lines l
      join orders o on o.id = l.order_id;

-- shortages is a JSON array [{sku, needed, available}] written by the saga; anything else reads as no shortage
create view analytics_order_shortages as
    select o.id as order_id, o.created_at, s.sku, s.needed, s.available
      from orders o
     cross join lateral json_to_recordset(case when left(ltrim(o.shortages), 1) = '[' then o.shortages::json
                                               else '[]'::json end) as s(sku text, needed bigint, available bigint)
     where o.reason = 'OUT_OF_STOCK';

do $$
begin
    if exists (select from pg_roles where rolname = '${analyticsRole}') then
        execute format('grant usage on schema %I to %I', current_schema(), '${analyticsRole}');
        execute format('grant select on analytics_orders, analytics_order_lines, analytics_order_shortages to %I',
                       '${analyticsRole}');
    end if;
end $$;
