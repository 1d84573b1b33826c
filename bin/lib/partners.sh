# shellcheck shell=bash
# Part of bin/pizzeria, sourced by it (its settings and helpers say(), die(), has() are in scope).
# Partners of the integrations over JMS: their broker users, exchanges and queues (`bin/pizzeria partner`).

# --- partners (integrations over JMS) -----------------------------------------------------------------------------

# A partner's broker user: partner-NAME in the default stack (API.md), <vhost>-partner-NAME in any other, so that
# the stacks of tests sharing a broker never meet.
partner_user_prefix() { if [ "$VHOST" = pizzeria ]; then printf ''; else printf '%s-' "$VHOST"; fi; }
partner_user() { printf '%spartner-%s' "$(partner_user_prefix)" "$1"; }
partner_uri_file() { printf '%s/partners/%s.uri' "$STATE" "$1"; }

partner_name_ok() {
  [[ "${1:-}" =~ ^[a-z0-9][a-z0-9-]{0,39}$ ]] || die "a partner's name is 1 to 40 lower-case letters, digits and '-' (not '${1:-}')"
}

partner_add() {
  local name="${1:-}" user password definitions="$ROOT/contracts/target/classes" file
  partner_name_ok "$name"
  [ -n "$VHOST" ] || die "partners need a broker vhost (PIZZERIA_VHOST)"
  [ -f "$definitions/com/forno/pizzeria/contracts/BrokerDefinitions.class" ] \
    || die "contracts is not built ($definitions): build first (mvn -pl contracts package)"
  ensure_rabbitmq
  ensure_postgres
  user="$(partner_user "$name")"
  if rmqctl -q list_users 2>/dev/null | cut -f1 | grep -qx -- "$user"; then
    die "partner $name exists already (broker user $user); its URI is in $(partner_uri_file "$name")"
  fi
  password="$(openssl rand -hex 24)"
  rmqctl -q add_user "$user" "$password" >/dev/null
  mkdir -p "$STATE/partners" && chmod 700 "$STATE/partners"
  # beside the services' definitions, where rabbitmqctl (run as the rabbitmq user) may read it; no secret in it
  file="$STATE/broker-definitions-partner-$name.json"
  java -cp "$definitions" com.forno.pizzeria.contracts.BrokerDefinitions "$VHOST" "$(partner_user_prefix)" partner "$name" >"$file" \
    || die "could not write the partner's broker definitions"
  if ! rmqctl -q import_definitions "$file" >/dev/null; then
    rmqctl -q delete_user "$user" >/dev/null 2>&1 || true
    die "RabbitMQ refused the partner's definitions"
  fi
  local queue
  for queue in "integrations.$name.orders" "integrations.$name.replies" "integrations.$name.events"; do
    for _ in $(seq 50); do
      rmqctl -q list_queues -p "$VHOST" name 2>/dev/null | grep -qx -- "$queue" && break
      sleep 0.2
    done
  done
  # orders reads this table every few seconds and starts consuming the partner's queue
  pg_admin -d "$DB" -c "insert into orders.partners (name) values ('$name') on conflict do nothing" >/dev/null \
    || die "could not list the partner for orders (has orders started once on database $DB?)"
  (umask 077 && printf 'amqp://%s:%s@%s:%s/%s\n' "$user" "$password" "$AMQP_HOST" "$AMQP_PORT" "$VHOST" >"$(partner_uri_file "$name")")
  say "partner $name added: it publishes PlaceOrder and CancelOrder on exchange integrations.$name.in and reads"
  say "  integrations.$name.replies and integrations.$name.events. Its AMQP URI (shown once, kept in $(partner_uri_file "$name")):"
  cat "$(partner_uri_file "$name")"
}

partner_remove() {
  local name="${1:-}" queue
  partner_name_ok "$name"
  ensure_rabbitmq
  ensure_postgres
  pg_admin -d "$DB" -c "delete from orders.partners where name = '$name'" >/dev/null 2>&1 || true
  rmqctl -q delete_user "$(partner_user "$name")" >/dev/null 2>&1 || true
  for queue in "integrations.$name.orders" "integrations.$name.orders.dlq" "integrations.$name.replies" "integrations.$name.events"; do
    rmqctl -q delete_queue -p "$VHOST" "$queue" >/dev/null 2>&1 || true
  done
  rm -f "$(partner_uri_file "$name")" "$STATE/broker-definitions-partner-$name.json"
  # the exchange stays, bound to nothing, writable by no one: rabbitmqctl cannot delete an exchange
  say "partner $name removed (its broker user, its queues and its listing; orders stops consuming within seconds)."
}

partner_list() {
  ensure_postgres
  local name
  printf '%-24s %-32s %s\n' PARTNER 'BROKER USER' 'QUEUES (ready messages, consumers)'
  for name in $(pg_admin -d "$DB" -c "select name from orders.partners order by name" 2>/dev/null); do
    printf '%-24s %-32s %s\n' "$name" "$(partner_user "$name")" \
      "$(rmqctl -q list_queues -p "$VHOST" name messages consumers 2>/dev/null | awk -v p="integrations.$name." \
          'index($1, p) == 1 { printf "%s %s/%s  ", substr($1, length(p) + 1), $2, $3 }')"
  done
}

# The example partner (integrations/example-partner, plain JMS) as NAME: a few orders, and every reply printed.
partner_demo() {
  local name="${1:-}" dir="$ROOT/integrations/example-partner"
  partner_name_ok "$name"
  [ -s "$(partner_uri_file "$name")" ] || die "no partner $name in this stack: bin/pizzeria partner add $name"
  ensure_java
  if [ ! -f "$dir/target/classpath.txt" ] \
     || [ -n "$(find "$dir/src" "$dir/pom.xml" -newer "$dir/target/classpath.txt" -print -quit 2>/dev/null)" ]; then
    say "building the example partner ..."
    (cd "$ROOT" && mvn -q -B -pl integrations/example-partner -am package -DskipTests -DskipITs -Dexec.skip=true) \
      || die "could not build integrations/example-partner"
  fi
  java -cp "$dir/target/classes:$(cat "$dir/target/classpath.txt")" com.example.partner.ExamplePartner \
    "$(cat "$(partner_uri_file "$name")")" "$name" "$(gateway_url)"
}

partner() {
  local action="${1:-}"
  [ $# -gt 0 ] && shift
  case "$action" in
    add) partner_add "$@" ;;
    remove) partner_remove "$@" ;;
    list) partner_list ;;
    demo) partner_demo "$@" ;;
    *) die "usage: bin/pizzeria partner add NAME | remove NAME | list | demo NAME" ;;
  esac
}
