#!/usr/bin/env bash
# Prints the Secrets the manifests refer to, with fresh random passwords, (dev) a fresh Erlang cookie and a fresh RS256
# signing key (the key set jwt-keys, see kubernetes/README.md for rotation); nothing secret is ever in the repository.
# Create them once per namespace, with `create` (not `apply`), so that a second run cannot replace passwords a
# database already uses:
#
#   kubernetes/make-secrets.sh | kubectl create -n pizzeria-dev -f -
#   PIZZERIA_BACKUP_ACCESS_KEY_ID=... PIZZERIA_BACKUP_SECRET_ACCESS_KEY=... \
#     kubernetes/make-secrets.sh prod | kubectl create -n pizzeria -f -          # eks: no PIZZERIA_BACKUP_*
#
# dev (the default): the simple StatefulSets' Secrets; the services share RabbitMQ's one user.
# prod (the operators): no superuser password or Erlang cookie (the operators make their own); a broker user per
# service (rabbitmq-user-<service>, imported by the Messaging Topology Operator, and the same credentials in the
# service's PIZZERIA_AMQP_URI); each database role's password also as a basic-auth Secret postgres-role-<role> for
# CloudNativePG's managed roles; and the object storage's credentials for the backups (backup-object-store, from the
# two PIZZERIA_BACKUP_* variables: the cloud's, not random; none where an IAM role gives access, as in overlays/eks).
#
# Environment: PIZZERIA_ADMIN_EMAIL is in the users-config ConfigMap; PIZZERIA_ADMIN_PASSWORD [generated] is the
# first admin's password. Read a value back with e.g.
#   kubectl -n pizzeria-dev get secret users-secrets -o jsonpath='{.data.USERS_ADMIN_PASSWORD}' | base64 -d
#
# Keys are environment variable names: each Secret is loaded whole with envFrom, and every name is a MicroProfile
# Config key of the WAR that loads it (deploy-tests checks it); jwt-keys alone is a volume, one PEM file per key. Needs openssl and base64; no cluster.
set -euo pipefail

command -v openssl >/dev/null || { echo "make-secrets.sh: needs openssl" >&2; exit 1; }

env="${1:-dev}"
case "$env" in
  dev) ;;
  # prod's Cluster reads the backups' keys from backup-object-store; eks's assumes an IAM role instead
  prod)
    [ -n "${PIZZERIA_BACKUP_ACCESS_KEY_ID:-}" ] && [ -n "${PIZZERIA_BACKUP_SECRET_ACCESS_KEY:-}" ] \
      || { echo "make-secrets.sh prod: set PIZZERIA_BACKUP_ACCESS_KEY_ID and PIZZERIA_BACKUP_SECRET_ACCESS_KEY (the backups' object storage)" >&2; exit 1; } ;;
  eks) ;;
  *) echo "usage: make-secrets.sh [dev|prod|eks]" >&2; exit 2 ;;
esac

password() { openssl rand -hex 24; }
b64() { printf '%s' "$1" | base64 | tr -d '\n'; }

secret() { # secret NAME KEY=VALUE... (type Opaque; SECRET_TYPE=kubernetes.io/basic-auth for another)
  local name="$1"; shift
  printf -- '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n  labels:\n    app.kubernetes.io/part-of: pizzeria\ntype: %s\ndata:\n' "$name" "${SECRET_TYPE:-Opaque}"
  local pair
  for pair in "$@"; do printf '  %s: %s\n' "${pair%%=*}" "$(b64 "${pair#*=}")"; done
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/jwt-private.pem" 2>/dev/null

admin_password="${PIZZERIA_ADMIN_PASSWORD:-$(openssl rand -base64 24 | tr -dc 'A-Za-z0-9' | head -c 20)}"
declare -A db_password
for role in users orders stock payments ai analytics; do db_password[$role]="$(password)"; done

if [ "$env" = dev ]; then
  amqp_password="$(password)"
  secret postgres-secrets "POSTGRES_PASSWORD=$(password)"
  secret rabbitmq-secrets "RABBITMQ_DEFAULT_PASS=$amqp_password" "erlang-cookie=$(openssl rand -hex 32)"
fi
amqp_uri() { # amqp_uri SERVICE: dev's shared user, or prod's own user of the service
  if [ "$env" = dev ]; then
    printf 'amqp://pizzeria:%s@rabbitmq:5672/pizzeria' "$amqp_password"
  else
    printf 'amqp://pizzeria-%s:%s@rabbitmq:5672/pizzeria' "$1" "${amqp_passwords[$1]}"
  fi
}
declare -A amqp_passwords
for service in orders stock payments; do amqp_passwords[$service]="$(password)"; done

secret grafana-secrets "GF_SECURITY_ADMIN_PASSWORD=$(password)"
# users and ai publish and consume no messages: no broker URI
secret users-secrets "PIZZERIA_DATASOURCE_PASSWORD=${db_password[users]}" "USERS_ADMIN_PASSWORD=$admin_password"
# the signing key set: file names sort by creation time, the newest signs (users-war's SigningKeys)
secret jwt-keys "$(date -u +%Y%m%dT%H%M%SZ).pem=$(cat "$work/jwt-private.pem")"
for service in orders stock payments; do
  secret "$service-secrets" "PIZZERIA_DATASOURCE_PASSWORD=${db_password[$service]}" "PIZZERIA_AMQP_URI=$(amqp_uri "$service")"
done
secret ai-secrets "PIZZERIA_DATASOURCE_PASSWORD=${db_password[ai]}" \
  "AI_ANALYTICS_PASSWORD=${db_password[analytics]}"

if [ "$env" != dev ]; then
  for role in users orders stock payments ai analytics; do
    SECRET_TYPE=kubernetes.io/basic-auth secret "postgres-role-$role" "username=pizzeria_$role" "password=${db_password[$role]}"
  done
  for service in orders stock payments; do
    secret "rabbitmq-user-$service" "username=pizzeria-$service" "password=${amqp_passwords[$service]}"
  done
  if [ "$env" = prod ]; then
    secret backup-object-store "ACCESS_KEY_ID=$PIZZERIA_BACKUP_ACCESS_KEY_ID" \
      "ACCESS_SECRET_KEY=$PIZZERIA_BACKUP_SECRET_ACCESS_KEY"
  fi
fi
