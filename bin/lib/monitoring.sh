# shellcheck shell=bash
# Part of bin/pizzeria, sourced by it (its settings and helpers say(), die(), has() are in scope).
# The local Prometheus (monitoring/), scraping this stack's instances.

# --- the local Prometheus ---------------------------------------------------------------------------------------------

prometheus_enabled() { [ "${PIZZERIA_PROMETHEUS:-1}" != 0 ]; }
prometheus_conf() { printf '%s/prometheus/prometheus.yml' "$STATE"; }
prometheus_url() { printf 'http://127.0.0.1:%s' "$PROMETHEUS_PORT"; }
prometheus_ready() { curl -fsS -o /dev/null --max-time 2 "$(prometheus_url)/-/ready" 2>/dev/null; }

# Debian's package (installed when missing) would start a system Prometheus on :9090 at once: a policy-rc.d that
# forbids service starts keeps it from doing so, and is removed again right after.
ensure_prometheus() {
  has prometheus && return
  local policy=/usr/sbin/policy-rc.d ours=0 status=0
  if is_root && [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && ours=1; fi
  (apt_install prometheus) || status=$?
  if [ "$ours" = 1 ]; then rm -f "$policy"; fi
  [ "$status" = 0 ] && has prometheus || die "prometheus is missing (Debian package: prometheus); or set PIZZERIA_PROMETHEUS=0"
}

prometheus_pid() {
  local file="$STATE/prometheus/prometheus.pid" pid
  if [ -s "$file" ]; then
    pid="$(cat "$file")"
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "--config.file=$(prometheus_conf) "; then
      printf '%s' "$pid"
    fi
  fi
}

# Scrapes every instance (each metrics scope on its own job) and evaluates the alert rules of monitoring/.
start_prometheus() {
  prometheus_enabled || return 0
  ensure_prometheus
  mkdir -p "$STATE/prometheus/data" "$STATE/logs"
  "$ROOT/monitoring/prometheus/render-local.sh" "$(prometheus_conf)" "$PORT_BASE" "$PROMETHEUS_PORT"
  local pid; pid="$(prometheus_pid)"
  if [ -n "$pid" ]; then
    kill -HUP "$pid" # reload: the rules or ports may have changed
  else
    port_busy "$PROMETHEUS_PORT" && die "port $PROMETHEUS_PORT (Prometheus) is taken; set PIZZERIA_PROMETHEUS_PORT or PIZZERIA_PROMETHEUS=0"
    (
      cd "$STATE/prometheus"
      # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
      exec setsid bash -c 'echo $$ > "$0"; exec "$@"' "$STATE/prometheus/prometheus.pid" \
        prometheus --config.file="$(prometheus_conf)" --storage.tsdb.path="$STATE/prometheus/data" \
        --storage.tsdb.retention.time=7d --web.listen-address="127.0.0.1:$PROMETHEUS_PORT"
    ) </dev/null >>"$STATE/logs/prometheus.log" 2>&1 9>&- &
  fi
  for _ in $(seq 100); do prometheus_ready && break; sleep 0.2; done
  prometheus_ready || die "Prometheus does not answer on $(prometheus_url) (see $STATE/logs/prometheus.log)"
  say "  prometheus ready on port $PROMETHEUS_PORT"
}
