# shellcheck shell=bash
# Part of bin/pizzeria, sourced by it (its settings and helpers say(), die(), has() are in scope).
# The stack's database (a schema and a role per service, the read-only analytics role) and its RabbitMQ vhost
# (a user per service with only its rights); deprovision drops them again.

# --- databases, roles, schemas and vhosts -----------------------------------------------------------------------

# A generated secret kept in the state directory (one file per name), made on first use.
secret() {
  local file="$STATE/secrets/$1"
  if [ ! -s "$file" ]; then
    mkdir -p "$STATE/secrets" && chmod 700 "$STATE/secrets"
    (umask 077 && openssl rand -hex 24 > "$file")
  fi
  cat "$file"
}

# The password of a database role: each role its own, so that one service's credentials open no other's schema.
db_password() { # db_password SCHEMA|analytics
  if [ -n "${PIZZERIA_DB_PASSWORD:-}" ]; then printf '%s' "$PIZZERIA_DB_PASSWORD"; return; fi
  secret "db-password-$DB-$1"
}

role_of() { printf '%s_%s' "$DB" "$1"; }

# The services that talk over the broker, each as a user of its own.
BROKER_SERVICES=(orders stock payments)
broker_user() { printf '%s-%s' "$VHOST" "$1"; }
broker_password() { secret "amqp-password-$VHOST-$1"; }
uses_broker() { [[ " ${BROKER_SERVICES[*]} " == *" $1 "* ]]; }

# One database per stack; in it one schema per service, owned by that service's own login role, and the ai
# service's read-only analytics role (it reads only the views each service's migrations grant it, cannot write, and
# gives up on a slow query). The SQL is Kubernetes's provisioning Job's and docker-compose's, run from the same file
# (kubernetes/base/postgres/provision.sh), with this stack's database and passwords in its environment.
provision() {
  ensure_postgres
  [[ "$DB" =~ ^[a-z][a-z0-9_]*$ ]] || die "PIZZERIA_DB must be a lower-case identifier, not '$DB'"
  (
    export PIZZERIA_DB="$DB" PIZZERIA_SCHEMAS="$SCHEMAS"
    for schema in $SCHEMAS analytics; do export "PIZZERIA_DB_PASSWORD_${schema^^}=$(db_password "$schema")"; done
    pg_admin_run "$ROOT/kubernetes/base/postgres/provision.sh" >/dev/null
  ) || die "could not provision the database $DB"
  if [ -n "$VHOST" ]; then provision_broker; fi
}

# The vhost, and either a least-privilege user per service with the topology they use (they may configure
# nothing: contracts' BrokerDefinitions says what each may publish and read), or the guest for container tests.
provision_broker() {
  ensure_rabbitmq
  rmqctl -q add_vhost "$VHOST" >/dev/null 2>&1 || true
  case "${PIZZERIA_BROKER_ACCESS:-services}" in
    guest) rmqctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*' >/dev/null ;;
    services)
      local svc user definitions="$ROOT/contracts/target/classes"
      [ -f "$definitions/com/forno/pizzeria/contracts/BrokerDefinitions.class" ] \
        || die "contracts is not built ($definitions): build first (mvn -pl contracts package)"
      for svc in "${BROKER_SERVICES[@]}"; do
        user="$(broker_user "$svc")"
        if rmqctl -q list_users 2>/dev/null | cut -f1 | grep -qx -- "$user"; then
          rmqctl -q change_password "$user" "$(broker_password "$svc")" >/dev/null
        else
          rmqctl -q add_user "$user" "$(broker_password "$svc")" >/dev/null
        fi
      done
      rmqctl -q clear_permissions -p "$VHOST" guest >/dev/null 2>&1 || true
      java -cp "$definitions" com.forno.pizzeria.contracts.BrokerDefinitions "$VHOST" "$VHOST-" >"$STATE/broker-definitions.json" \
        || die "could not write the broker definitions"
      rmqctl -q import_definitions "$STATE/broker-definitions.json" >/dev/null || die "RabbitMQ refused the definitions"
      # the import runs in the background: the services must find their queues when they start
      local queue
      for queue in stock.commands payments.commands orders.replies events; do
        for _ in $(seq 50); do
          rmqctl -q list_queues -p "$VHOST" name 2>/dev/null | grep -qx -- "$queue" && break
          sleep 0.2
        done
      done
      ;;
    *) die "PIZZERIA_BROKER_ACCESS must be services or guest" ;;
  esac
}

deprovision() {
  if pg_ready; then
    pg_admin -d postgres -c "drop database if exists $DB with (force)" >/dev/null
    local schema
    for schema in $SCHEMAS analytics; do pg_admin -d postgres -c "drop role if exists $(role_of "$schema")" >/dev/null; done
  fi
  if [ -n "$VHOST" ] && rabbit_ready; then
    local svc
    rmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true
    for svc in "${BROKER_SERVICES[@]}"; do rmqctl -q delete_user "$(broker_user "$svc")" >/dev/null 2>&1 || true; done
    # the partners' users of this stack (their queues went with the vhost)
    local partner_file
    for partner_file in "$STATE"/partners/*.uri; do
      [ -e "$partner_file" ] || continue
      rmqctl -q delete_user "$(partner_user "$(basename "$partner_file" .uri)")" >/dev/null 2>&1 || true
      rm -f "$partner_file"
    done
    rm -f "$STATE/secrets/amqp-password-$VHOST-"*
  fi
  rm -f "$STATE/secrets/db-password-$DB" "$STATE/secrets/db-password-$DB-"*
}
