#!/bin/sh
# One database, and in it one schema per service owned by that service's own login role (database pizzeria, role
# pizzeria_<svc> owning schema <svc>, search_path <svc>, no CREATE on public). Idempotent: run it again after adding
# a service or changing a password. The one provisioning of every environment but production's operator (whose
# bootstrap.sql declares the same roles and schemas without passwords):
#   - the Kubernetes Job postgres-provision (PGHOST/PGUSER/PGPASSWORD point at the server);
#   - docker-compose, from /docker-entrypoint-initdb.d on the first start (PGHOST unset: the local socket);
#   - `bin/pizzeria provision` and `up` (bin/lib/provision.sh), with each stack's database and generated passwords.
# Plus the ai service's read-only analytics role <db>_analytics (SELECT on the views each service's migrations grant
# it, read-only transactions, 3 s statement timeout), which must exist before those migrations run.
# Environment:
#   PIZZERIA_DB [pizzeria]                       the database
#   PIZZERIA_SCHEMAS [users orders stock payments ai]
#   PIZZERIA_DB_PASSWORD_<SVC> (e.g. _USERS, _ANALYTICS)  that role's password; PIZZERIA_DB_PASSWORD for every role
#                                                without one
set -eu

db="${PIZZERIA_DB:-pizzeria}"
schemas="${PIZZERIA_SCHEMAS:-users orders stock payments ai}"
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" # no NOTICEs for what already exists

until pg_isready -q; do echo "waiting for PostgreSQL ..."; sleep 2; done

psql -v ON_ERROR_STOP=1 -q -d postgres -v db="$db" <<'SQL'
select format('create database %I', :'db') where not exists (select from pg_database where datname = :'db') \gexec
SQL
psql -v ON_ERROR_STOP=1 -q -d "$db" -c 'revoke create on schema public from public'

password_of() { # password_of NAME: PIZZERIA_DB_PASSWORD_<NAME>, else PIZZERIA_DB_PASSWORD
  var="PIZZERIA_DB_PASSWORD_$(echo "$1" | tr 'a-z' 'A-Z')"
  password="$(printenv "$var" || printenv PIZZERIA_DB_PASSWORD || true)"
  [ -n "$password" ] || { echo "no password for $1: set $var or PIZZERIA_DB_PASSWORD" >&2; exit 1; }
}

for schema in $schemas; do
  password_of "$schema"
  # psql variables (:'x' literal, :"x" identifier) quote the values: no SQL is built from strings here
  psql -v ON_ERROR_STOP=1 -q -d "$db" -v db="$db" -v schema="$schema" -v role="${db}_${schema}" -v password="$password" <<'SQL'
select format('create role %I login', :'role') where not exists (select from pg_roles where rolname = :'role') \gexec
alter role :"role" with login password :'password';
alter role :"role" set search_path = :"schema";
grant connect on database :"db" to :"role";
create schema if not exists :"schema" authorization :"role";
SQL
  # orders also owns its read model (reports), rebuilt apart from the saga's tables
  if [ "$schema" = orders ]; then
    # (psql interpolates variables in its input, not in -c)
    echo 'create schema if not exists orders_read authorization :"role";' \
      | psql -v ON_ERROR_STOP=1 -q -d "$db" -v role="${db}_${schema}"
  fi
  echo "provisioned schema $schema for role ${db}_${schema}"
done

password_of analytics
psql -v ON_ERROR_STOP=1 -q -d "$db" -v db="$db" -v role="${db}_analytics" -v password="$password" <<'SQL'
select format('create role %I login', :'role') where not exists (select from pg_roles where rolname = :'role') \gexec
alter role :"role" with login password :'password' nosuperuser nocreatedb nocreaterole;
alter role :"role" set default_transaction_read_only = on;
alter role :"role" set statement_timeout = '3s';
grant connect on database :"db" to :"role";
SQL
echo "provisioned the read-only role ${db}_analytics"
