-- What the ai service's analytics role (${analyticsRole}) may read of the read model: the report rows exactly as
-- GET /reports/* reads them (so the chatbot's figures and the console's are the same numbers), and the orders'
-- summaries without their delivery address, timeline or payment details, with their lines one row each. SELECT on
-- these views is the only grant; the guard lets the service migrate where the role does not exist (the other
-- services' own tests). Days and hours are those the projection computed, in pizzeria.reports.time-zone.
-- Repeatable: Flyway runs it again whenever it changes. Dropped and re-created, so a column can also go away.
drop view if exists analytics_order_items;
drop view if exists analytics_order_summaries;
drop view if exists analytics_missing_by_day;
drop view if exists analytics_rejections_by_day;
drop view if exists analytics_payment_outcomes;
drop view if exists analytics_product_sales;
drop view if exists analytics_sales_by_day;

-- Confirmed sales (not cancelled since) by the local day of their confirmation: GET /reports/sales
create view analytics_sales_by_day as
    select day, orders, units, revenue_cents from sales_by_day;

-- The same sales per product and day: GET /reports/products
create view analytics_product_sales as
    select day, product_id, name, units, revenue_cents from product_sales;

-- Payment answers by the local hour they came in: GET /reports/payments
create view analytics_payment_outcomes as
    select hour, outcome, reason, attempts from payment_outcomes;

-- Orders that ended without a sale, by the local day they ended, and the ingredients short: GET /reports/rejections
create view analytics_rejections_by_day as
    select day, reason, orders from rejections_by_day;

create view analytics_missing_by_day as
    select day, sku, name, orders from missing_by_day;

-- One row per order (the staff's list, GET /orders as kitchen or admin). sold: what the sales rows count, by the
-- same rule as OrderSummary.tallies (confirmed, its lines known, not rejected or cancelled since).
create view analytics_order_summaries as
    select order_id, customer_id, channel, status, reason, total_cents, units, created_at, confirmed_at, ended_at,
           (confirmed_at is not null and items is not null and status not in ('REJECTED', 'CANCELLED')) as sold
      from order_summaries;

-- items is a JSON array [{productId, name, quantity, unitPriceCents}] written by the projection
create view analytics_order_items as
    select s.order_id, s.customer_id, s.status, s.created_at, s.confirmed_at,
           (s.confirmed_at is not null and s.status not in ('REJECTED', 'CANCELLED')) as sold,
           i."productId" as product_id, i.name, i.quantity, i."unitPriceCents" as unit_price_cents
      from order_summaries s
     cross join lateral json_to_recordset(s.items::json)
           as i("productId" uuid, name text, quantity bigint, "unitPriceCents" bigint)
     where s.items is not null;

do $$
begin
    if exists (select from pg_roles where rolname = '${analyticsRole}') then
        execute format('grant usage on schema %I to %I', current_schema(), '${analyticsRole}');
        execute format('grant select on analytics_sales_by_day, analytics_product_sales, analytics_payment_outcomes,'
                       ' analytics_rejections_by_day, analytics_missing_by_day, analytics_order_summaries,'
                       ' analytics_order_items to %I', '${analyticsRole}');
    end if;
end $$;
