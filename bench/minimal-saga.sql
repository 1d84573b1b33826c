-- One order's minimal SQL in an outbox saga (bench/run, pgbench -f): 6 commits, 17 statements. The same hot
-- ingredient rows for every client, locked in sku order, as stock does.
\set qty random(1, 3)
begin;
insert into o.orders (id, customer, status, total_cents) values (gen_random_uuid(), 'c' || :client_id, 'PENDING', 4990 * :qty) returning id as oid \gset
insert into o.order_lines values (':oid', 1, 'PIZZA', :qty, 4990);
insert into o.outbox (id, routing_key, type, message) values (gen_random_uuid(), 'stock.commands', 'ReserveStock', '{"orderId":"' || ':oid' || '","items":[{"sku":"MOZZARELLA","quantity":200}]}');
commit;
begin;
update s.ingredient set reserved = reserved + 200 * :qty, updated_at = now() where sku = 'MOZZARELLA' and on_hand - reserved >= 200 * :qty;
update s.ingredient set reserved = reserved + 100 * :qty, updated_at = now() where sku = 'SAUCE' and on_hand - reserved >= 100 * :qty;
update s.ingredient set reserved = reserved + 80 * :qty, updated_at = now() where sku = 'TOPPING' and on_hand - reserved >= 80 * :qty;
insert into s.reservation (id, order_id, status, expires_at) values (gen_random_uuid(), ':oid', 'HELD', now() + interval '2 minutes') returning id as rid \gset
insert into s.reservation_line values (':rid', 'MOZZARELLA', 200 * :qty), (':rid', 'SAUCE', 100 * :qty), (':rid', 'TOPPING', 80 * :qty);
insert into s.movement (sku, order_id, kind, quantity) values ('MOZZARELLA', ':oid', 'RESERVE', 200 * :qty), ('SAUCE', ':oid', 'RESERVE', 100 * :qty), ('TOPPING', ':oid', 'RESERVE', 80 * :qty);
insert into s.outbox (id, routing_key, type, message) values (gen_random_uuid(), 'orders.replies', 'StockReserved', '{"orderId":"' || ':oid' || '"}');
commit;
begin;
insert into p.payments (id, order_id, status, amount_cents) values (gen_random_uuid(), ':oid', 'AUTHORIZED', 4990 * :qty);
insert into p.outbox (id, routing_key, type, message) values (gen_random_uuid(), 'orders.replies', 'PaymentAuthorized', '{"orderId":"' || ':oid' || '"}');
commit;
begin;
update o.orders set status = 'CONFIRMED', updated_at = now() where id = ':oid' and status = 'PENDING';
insert into o.order_timeline (order_id, status) values (':oid', 'CONFIRMED');
insert into o.outbox (id, routing_key, type, message) values (gen_random_uuid(), 'saga.events', 'OrderConfirmed', '{"orderId":"' || ':oid' || '"}');
commit;
update s.reservation set status = 'COMMITTED' where order_id = ':oid' and status = 'HELD';
update p.payments set status = 'CAPTURED', updated_at = now() where order_id = ':oid' and status = 'AUTHORIZED';
