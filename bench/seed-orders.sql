-- A history for the reports benchmark: :orders orders over the last :days days, written straight into the orders'
-- tables (as the database's superuser) the way the saga leaves them: 70 % delivered, 5 % confirmed and still with
-- the kitchen, 10 % rejected for lack of mozzarella, 10 % declined, 5 % cancelled by the customer. The read model
-- is then rebuilt from them (POST /reports/rebuild), like any database that had orders before its read side.
create temporary table seed as
select gen_random_uuid() as id,
       (md5((n % 5000)::text))::uuid as customer,
       now() - random() * (:days * interval '1 day') - interval '2 hours' as created,
       (random() * 100)::int as roll,
       1 + (random() * 7)::int as product,
       1 + (random() * 2)::int as quantity
  from generate_series(1, :orders) as n;

insert into orders.orders (id, customer_id, idempotency_key, request_hash, status, reason, shortages, total_cents,
                           currency, payment_reason, created_at, updated_at, decided_at)
select id, customer, id::text, 'seed',
       case when roll < 70 then 'DELIVERED' when roll < 75 then 'CONFIRMED' when roll < 85 then 'REJECTED'
            else 'CANCELLED' end,
       case when roll < 75 then null when roll < 85 then 'OUT_OF_STOCK' when roll < 95 then 'PAYMENT_DECLINED'
            else 'CANCELLED_BY_CUSTOMER' end,
       case when roll between 75 and 84
            then '[{"available":150,"name":"Muçarela","needed":400,"sku":"MUCARELA"}]' end,
       quantity * (3990 + product * 500), 'BRL',
       case when roll between 85 and 94 then (array['DECLINED', 'INSUFFICIENT_FUNDS'])[1 + roll % 2] end,
       created, created + interval '40 minutes', created + interval '2 seconds'
  from seed;

insert into orders.order_lines (order_id, line, product_id, name, quantity, unit_price_cents)
select id, 0, (md5('product-' || product))::uuid, 'Pizza ' || product, quantity, 3990 + product * 500 from seed;

insert into orders.order_timeline (order_id, seq, status, reason, at)
select id, 0, 'PENDING', null, created from seed
union all
select id, 1, 'AWAITING_PAYMENT', null, created + interval '1 second' from seed where roll < 75 or roll >= 85
union all
select id, 2, 'CONFIRMED', null, created + interval '2 seconds' from seed where roll < 75
union all
select id, 3, 'PREPARING', null, created + interval '5 minutes' from seed where roll < 70
union all
select id, 4, 'OUT_FOR_DELIVERY', null, created + interval '20 minutes' from seed where roll < 70
union all
select id, 5, 'DELIVERED', null, created + interval '40 minutes' from seed where roll < 70
union all
select id, 1, 'REJECTED', 'OUT_OF_STOCK', created + interval '1 second' from seed where roll between 75 and 84
union all
select id, 2, 'CANCELLED', case when roll < 95 then 'PAYMENT_DECLINED' else 'CANCELLED_BY_CUSTOMER' end,
       created + interval '2 seconds' from seed where roll >= 85;
