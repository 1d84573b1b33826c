#!/usr/bin/env bash
# Renders prometheus.local.yml.template for a local stack.
#   monitoring/prometheus/render-local.sh OUTPUT [PORT_BASE] [PROMETHEUS_PORT]
# PORT_BASE is bin/pizzeria's PIZZERIA_PORT_BASE (default 9100): users +1, orders-1 +11, orders-2 +12,
# stock-1 +21, stock-2 +22, payments +31, ai +41 (the launcher's offsets; change them together).
# PROMETHEUS_PORT (default 9090) is only used for Prometheus scraping itself.
# Fails when the template has a placeholder this script does not fill.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: render-local.sh OUTPUT [PORT_BASE] [PROMETHEUS_PORT]}"
base="${2:-9100}"
prometheus_port="${3:-9090}"
[[ "$base" =~ ^[0-9]+$ && "$prometheus_port" =~ ^[0-9]+$ ]] || { echo "render-local.sh: ports must be numbers" >&2; exit 2; }

sed -e "s|{{USERS_PORT}}|$((base + 1))|g" \
    -e "s|{{ORDERS_1_PORT}}|$((base + 11))|g" \
    -e "s|{{ORDERS_2_PORT}}|$((base + 12))|g" \
    -e "s|{{STOCK_1_PORT}}|$((base + 21))|g" \
    -e "s|{{STOCK_2_PORT}}|$((base + 22))|g" \
    -e "s|{{PAYMENTS_PORT}}|$((base + 31))|g" \
    -e "s|{{AI_PORT}}|$((base + 41))|g" \
    -e "s|{{PROMETHEUS_PORT}}|$prometheus_port|g" \
    -e "s|{{RULES_DIR}}|$here/rules|g" \
    "$here/prometheus.local.yml.template" >"$out.new"

if grep -q '{{[A-Z0-9_]*}}' "$out.new"; then
  echo "render-local.sh: unfilled placeholders: $(grep -o '{{[A-Z0-9_]*}}' "$out.new" | sort -u | tr '\n' ' ')" >&2
  rm -f "$out.new"
  exit 1
fi
mv -f "$out.new" "$out"
