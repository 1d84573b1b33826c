-- The floor of this design for bench/run: the tables an order touches in an outbox saga over three schemas, shaped
-- like the services' own (uuid keys, an outbox row carrying the whole message), without their other columns.
create schema o;
create schema s;
create schema p;
create table o.orders (id uuid primary key, customer text not null, status text not null, total_cents bigint not null,
                       created_at timestamptz not null default now(), updated_at timestamptz not null default now());
create table o.order_lines (order_id uuid not null references o.orders, line int not null, product text not null,
                            quantity int not null, price_cents bigint not null, primary key (order_id, line));
create table o.order_timeline (id bigserial primary key, order_id uuid not null references o.orders, status text not null,
                               at timestamptz not null default now());
create table s.ingredient (sku text primary key, on_hand bigint not null, reserved bigint not null default 0,
                           check (reserved <= on_hand), updated_at timestamptz not null default now());
create table s.reservation (id uuid primary key, order_id uuid not null unique, status text not null,
                            expires_at timestamptz not null, created_at timestamptz not null default now());
create table s.reservation_line (reservation_id uuid not null references s.reservation, sku text not null,
                                 quantity bigint not null, primary key (reservation_id, sku));
create table s.movement (id bigserial primary key, sku text not null, order_id uuid, kind text not null,
                         quantity bigint not null, at timestamptz not null default now());
create table p.payments (id uuid primary key, order_id uuid not null unique, status text not null,
                         amount_cents bigint not null, created_at timestamptz not null default now(),
                         updated_at timestamptz not null default now());
create table o.outbox (id uuid primary key, routing_key text not null, type text not null, message text not null,
                       created_at timestamptz not null default now(), sent_at timestamptz);
create table s.outbox (like o.outbox including all);
create table p.outbox (like o.outbox including all);
insert into s.ingredient (sku, on_hand) values ('MOZZARELLA', 1e15), ('SAUCE', 1e15), ('TOPPING', 1e15);
