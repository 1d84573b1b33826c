#!/usr/bin/env bash
# Prints the Secrets the manifests refer to, with fresh random passwords, a fresh Erlang cookie and a fresh RS256
# signing key (the key set jwt-keys, see kubernetes/README.md for rotation); nothing secret is ever in the repository. Create them once per
# namespace, with `create` (not `apply`), so that a second run cannot replace passwords a database already uses:
#
#   kubernetes/make-secrets.sh | kubectl create -n pizzeria-dev -f -
#
# Environment: PIZZERIA_ADMIN_EMAIL is in the users-config ConfigMap; PIZZERIA_ADMIN_PASSWORD [generated] is the
# first admin's password. Read a value back with e.g.
#   kubectl -n pizzeria-dev get secret users-secrets -o jsonpath='{.data.USERS_ADMIN_PASSWORD}' | base64 -d
#
# Keys are environment variable names: each Secret is loaded whole with envFrom, and every name is a MicroProfile
# Config key of the WAR that loads it (deploy-tests checks it); jwt-keys alone is a volume, one PEM file per key. Needs openssl and base64; no cluster.
set -euo pipefail

command -v openssl >/dev/null || { echo "make-secrets.sh: needs openssl" >&2; exit 1; }

password() { openssl rand -hex 24; }
b64() { printf '%s' "$1" | base64 | tr -d '\n'; }

secret() { # secret NAME KEY=VALUE...
  local name="$1"; shift
  printf -- '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n  labels:\n    app.kubernetes.io/part-of: pizzeria\ntype: Opaque\ndata:\n' "$name"
  local pair
  for pair in "$@"; do printf '  %s: %s\n' "${pair%%=*}" "$(b64 "${pair#*=}")"; done
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/jwt-private.pem" 2>/dev/null

amqp_password="$(password)"
amqp_uri="amqp://pizzeria:$amqp_password@rabbitmq:5672/pizzeria"
admin_password="${PIZZERIA_ADMIN_PASSWORD:-$(openssl rand -base64 24 | tr -dc 'A-Za-z0-9' | head -c 20)}"

secret postgres-secrets "POSTGRES_PASSWORD=$(password)"
secret rabbitmq-secrets "RABBITMQ_DEFAULT_PASS=$amqp_password" "erlang-cookie=$(openssl rand -hex 32)"
secret grafana-secrets "GF_SECURITY_ADMIN_PASSWORD=$(password)"
# users and ai publish and consume no messages: no broker URI
secret users-secrets "PIZZERIA_DATASOURCE_PASSWORD=$(password)" "USERS_ADMIN_PASSWORD=$admin_password"
# the signing key set: file names sort by creation time, the newest signs (users-war's SigningKeys)
secret jwt-keys "$(date -u +%Y%m%dT%H%M%SZ).pem=$(cat "$work/jwt-private.pem")"
for service in orders stock payments; do
  secret "$service-secrets" "PIZZERIA_DATASOURCE_PASSWORD=$(password)" "PIZZERIA_AMQP_URI=$amqp_uri"
done
secret ai-secrets "PIZZERIA_DATASOURCE_PASSWORD=$(password)" \
  "AI_ANALYTICS_PASSWORD=$(password)"
