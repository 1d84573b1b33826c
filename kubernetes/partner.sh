#!/usr/bin/env bash
# A partner (integrations over JMS, API.md) on Kubernetes: what `bin/pizzeria partner add|remove` does locally.
#
#   kubernetes/partner.sh add NAME [NAMESPACE]      # prints the AMQP URI once and keeps it in the Secret partner-NAME
#   kubernetes/partner.sh remove NAME [NAMESPACE]
#   kubernetes/partner.sh secret NAME               # prod (operators): prints the Secret partner-NAME to create
#
# add: the broker user partner-NAME with a fresh password (rabbitmqctl in the pod rabbitmq-0), the partner's exchange,
# queues and permissions from contracts' BrokerDefinitions (configure nothing, write only integrations.NAME.in, read
# only integrations.NAME.replies and .events) imported with rabbitmqctl import_definitions, the row in orders' table
# partners (psql in the pod postgres-0: every orders pod consumes the partner's queue within seconds), and the Secret
# partner-NAME (key AMQP_URI) for whoever deploys the partner's side. The URI names the Service rabbitmq, reachable
# inside the cluster; expose the broker to a partner outside it as your cluster allows (a LoadBalancer, a tunnel).
# Needs kubectl, java and the contracts module built (mvn -pl contracts package).
#
# secret (prod, where the operators run the broker): the partner's resources, user and permission are the file
# kubernetes/overlays/prod/partners/NAME.yaml; this prints the Secret partner-NAME its User imports (username
# partner-NAME, a fresh password) with the AMQP_URI to hand over, for `| kubectl -n pizzeria create -f -`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
action="${1:-}"; name="${2:-}"; namespace="${3:-pizzeria-dev}"
KUBECTL="${KUBECTL:-kubectl}"
die() { echo "partner.sh: $*" >&2; exit 1; }
[[ "$name" =~ ^[a-z0-9][a-z0-9-]{0,39}$ ]] || die "usage: partner.sh add|remove|secret NAME [NAMESPACE] (NAME: lower-case letters, digits, '-')"
k() { "$KUBECTL" -n "$namespace" "$@"; }
user="partner-$name"

case "$action" in
  add)
    classes="$ROOT/contracts/target/classes"
    [ -f "$classes/com/forno/pizzeria/contracts/BrokerDefinitions.class" ] || die "build contracts first (mvn -pl contracts package)"
    password="$(openssl rand -hex 24)"
    k exec rabbitmq-0 -- rabbitmqctl -q add_user "$user" "$password" >/dev/null
    java -cp "$classes" com.forno.pizzeria.contracts.BrokerDefinitions pizzeria "" partner "$name" \
      | k exec -i rabbitmq-0 -- sh -c 'cat > /tmp/partner-definitions.json && rabbitmqctl -q import_definitions /tmp/partner-definitions.json && rm -f /tmp/partner-definitions.json' >/dev/null
    k exec postgres-0 -- psql -U postgres -d pizzeria -v ON_ERROR_STOP=1 -qc \
      "insert into orders.partners (name) values ('$name') on conflict do nothing" >/dev/null
    uri="amqp://$user:$password@rabbitmq:5672/pizzeria"
    k create secret generic "partner-$name" --from-literal=AMQP_URI="$uri" >/dev/null
    echo "partner $name added (Secret partner-$name in $namespace). Its AMQP URI, shown once:" >&2
    echo "$uri"
    ;;
  remove)
    k exec postgres-0 -- psql -U postgres -d pizzeria -qc "delete from orders.partners where name = '$name'" >/dev/null || true
    k exec rabbitmq-0 -- rabbitmqctl -q delete_user "$user" >/dev/null 2>&1 || true
    for queue in orders orders.dlq replies events; do
      k exec rabbitmq-0 -- rabbitmqctl -q delete_queue -p pizzeria "integrations.$name.$queue" >/dev/null 2>&1 || true
    done
    k delete secret "partner-$name" --ignore-not-found >/dev/null
    echo "partner $name removed." >&2
    ;;
  secret)
    password="$(openssl rand -hex 24)"
    b64() { printf '%s' "$1" | base64 | tr -d '\n'; }
    printf -- '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: partner-%s\n  labels:\n    app.kubernetes.io/part-of: pizzeria\ntype: Opaque\ndata:\n' "$name"
    printf '  username: %s\n  password: %s\n  AMQP_URI: %s\n' "$(b64 "$user")" "$(b64 "$password")" \
      "$(b64 "amqp://$user:$password@rabbitmq:5672/pizzeria")"
    ;;
  *) die "usage: partner.sh add|remove|secret NAME [NAMESPACE]" ;;
esac
