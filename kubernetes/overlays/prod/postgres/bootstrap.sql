-- Run once by CloudNativePG after initdb, as the superuser, in the database pizzeria (cluster.yaml,
-- bootstrap.initdb.postInitApplicationSQLRefs): what base/postgres/provision.sh and `bin/pizzeria provision` do,
-- without the passwords. The roles are created here without login so that the schemas can belong to them; the
-- operator's managed.roles then gives each its login and its password (from its Secret), and keeps them so.
revoke create on schema public from public;

create role pizzeria_users nologin;
create role pizzeria_orders nologin;
create role pizzeria_stock nologin;
create role pizzeria_payments nologin;
create role pizzeria_ai nologin;

-- one schema per service, owned by that service's role, which finds it first on its search path
create schema users authorization pizzeria_users;
create schema orders authorization pizzeria_orders;
-- orders also owns its read model (reports), rebuilt apart from the saga's tables
create schema orders_read authorization pizzeria_orders;
create schema stock authorization pizzeria_stock;
create schema payments authorization pizzeria_payments;
create schema ai authorization pizzeria_ai;
alter role pizzeria_users set search_path = users;
alter role pizzeria_orders set search_path = orders;
alter role pizzeria_stock set search_path = stock;
alter role pizzeria_payments set search_path = payments;
alter role pizzeria_ai set search_path = ai;

-- The ai service's analytics role: reads only the views each service's migrations grant it (so it must exist
-- before they run), cannot write, and gives up on a slow query.
create role pizzeria_analytics nologin nosuperuser nocreatedb nocreaterole;
alter role pizzeria_analytics set default_transaction_read_only = on;
alter role pizzeria_analytics set statement_timeout = '3s';

grant connect on database pizzeria to pizzeria_users, pizzeria_orders, pizzeria_stock, pizzeria_payments,
  pizzeria_ai, pizzeria_analytics;
