# shellcheck shell=bash
# Part of bin/pizzeria, sourced by it (its settings and helpers say(), die(), has() are in scope).
# The nginx gateway (nginx/pizzeria.conf.template rendered for this stack) and the OpenAPI document it serves.

# --- the gateway ---------------------------------------------------------------------------------------------------

nginx_conf() { printf '%s/nginx/nginx.conf' "$STATE"; }

nginx_args() { # nginx_args [CONF]: the prefix, config and error log of this stack's nginx, in NGINX_ARGS
  NGINX_ARGS=(-p "$STATE/nginx/" -c "${1:-$(nginx_conf)}")
  # -e (1.19.5+): errors before the config is read go to our log too, not to /var/log/nginx
  if "$(nginx_bin)" -h 2>&1 | grep -q -- '-e filename'; then NGINX_ARGS+=(-e "$STATE/logs/nginx-error.log"); fi
}

gateway_pid() {
  local file="$STATE/nginx/nginx.pid" pid
  if [ -s "$file" ]; then
    pid="$(cat "$file")"
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$(nginx_conf)"; then
      printf '%s' "$pid"; return
    fi
  fi
  has pgrep || return 0
  pid="$(pgrep -f -- "^nginx: master process .*-c $(regex_quote "$(nginx_conf)")( |\$)" | head -n 1 || true)"
  if [ -n "$pid" ]; then mkdir -p "$STATE/nginx" && printf '%s\n' "$pid" >"$file" && printf '%s' "$pid"; fi
}

# The gateway's URL from this machine (a wildcard bind address is reached through loopback).
gateway_url() {
  case "$HTTP_ADDRESS" in
    0.0.0.0|'*'|'[::]') printf 'http://127.0.0.1:%s' "$HTTP_PORT" ;;
    *) printf 'http://%s:%s' "$HTTP_ADDRESS" "$HTTP_PORT" ;;
  esac
}

gateway_ready() { curl -fsS -o /dev/null --max-time 2 "$(gateway_url)/gateway/health" 2>/dev/null; }

# Instances the gateway must send nothing to: started and not ready yet. A Payara Micro that is still deploying
# answers every request with its own HTML 404, which nginx takes for an answer (160 orders were refused so while a
# killed orders instance came back); like a Kubernetes Service, the gateway waits for readiness.
STARTING=" "

upstream_servers() { # upstream_servers SERVICE: the server lines of its upstream block
  local name state
  for name in $(instances_of "$1"); do
    state=""
    if [[ "$STARTING" == *" $name "* ]]; then state=" down"; fi
    printf '        server 127.0.0.1:%s max_fails=2 fail_timeout=10s%s;\n' "$(port_of "$name")" "$state"
  done
}

render_nginx() {
  local template="$ROOT/nginx/pizzeria.conf.template" out="$1" conf key value svc
  conf="$(<"$template")"
  local -A values=(
    [WORKER_PROCESSES]="${PIZZERIA_NGINX_WORKERS:-2}"
    [NGINX_DIR]="$STATE/nginx"
    [LOG_DIR]="$STATE/logs"
    [HTTP_ADDRESS]="$HTTP_ADDRESS"
    [HTTP_PORT]="$HTTP_PORT"
    [BODY_LIMIT]="${PIZZERIA_BODY_LIMIT:-64k}"
    [LOGIN_RATE]="${PIZZERIA_LOGIN_RATE:-5r/s}"
    [LOGIN_BURST]="${PIZZERIA_LOGIN_BURST:-10}"
    [SIGNUP_RATE]="${PIZZERIA_SIGNUP_RATE:-1r/s}"
    [SIGNUP_BURST]="${PIZZERIA_SIGNUP_BURST:-10}"
    [ORDER_RATE]="${PIZZERIA_ORDER_RATE:-50r/s}"
    [ORDER_BURST]="${PIZZERIA_ORDER_BURST:-200}"
    [READ_TIMEOUT]="${PIZZERIA_PROXY_READ_TIMEOUT:-60s}"
    [CHAT_READ_TIMEOUT]="${PIZZERIA_CHAT_READ_TIMEOUT:-120s}"
    [WEB_DIR]="$WEB_DIR"
    [WORKER_USER]="$(worker_user_line)"
    [OPENAPI_DIR]="$STATE/openapi"
  )
  for svc in "${SERVICES[@]}"; do values["${svc^^}_SERVERS"]="$(upstream_servers "$svc")"; done
  for key in "${!values[@]}"; do
    value="${values[$key]}"
    conf="${conf//"{{$key}}"/"$value"}"
  done
  if grep -o '{{[A-Z_]*}}' <<<"$conf" | head -n 1 | grep -q .; then
    die "$template has placeholders no one fills: $(grep -o '{{[A-Z_]*}}' <<<"$conf" | sort -u | tr '\n' ' ')"
  fi
  printf '%s\n' "$conf" >"$out"
}

start_gateway() {
  local bin conf pid
  bin="$(nginx_bin)"; conf="$(nginx_conf)"
  mkdir -p "$STATE/nginx/temp" "$STATE/logs"
  render_nginx "$conf.new"
  # check the new config before it replaces the one a running gateway uses
  nginx_args "$conf.new"
  "$bin" -t -q "${NGINX_ARGS[@]}" || die "the rendered nginx config $conf.new does not pass nginx -t"
  mv -f "$conf.new" "$conf"
  nginx_args
  pid="$(gateway_pid)"
  if [ -n "$pid" ]; then
    say "  reloading the gateway (pid $pid)"
    local old_workers; old_workers="$(pgrep -P "$pid" 2>/dev/null | tr '\n' ' ' || true)"
    kill -HUP "$pid" # what `nginx -s reload` sends
    # the new config serves once the old workers are gone (they finish their requests first)
    local worker gone=0
    for _ in $(seq 100); do
      gone=1
      for worker in $old_workers; do kill -0 "$worker" 2>/dev/null && gone=0; done
      [ "$gone" = 1 ] && break
      sleep 0.1
    done
    [ "$gone" = 1 ] || say "  (old gateway workers still finish requests; the new config serves new connections)"
  else
    "$bin" "${NGINX_ARGS[@]}" </dev/null >>"$STATE/logs/nginx-error.log" 2>&1 9>&- || die "nginx did not start (see $STATE/logs/nginx-error.log)"
  fi
  for _ in $(seq 50); do gateway_ready && break; sleep 0.1; done
  gateway_ready || die "the gateway does not answer on $(gateway_url)/gateway/health"
  say "  gateway ready on port $HTTP_PORT (pid $(gateway_pid))"
}

# --- the gateway's OpenAPI document ------------------------------------------------------------------------------

# The public API's one document (GET /openapi at the gateway), assembled from the services' own /openapi once every
# instance is ready: Payara builds those from the deployed code at run time, so the gateway's document describes the
# code that answers (api-document/ says more). Without it the gateway answers /openapi with a 503 problem.
assemble_openapi() {
  local dir="$ROOT/api-document/target" out="$STATE/openapi" args=() svc name
  if [ ! -s "$dir/api-document-1.0.0-SNAPSHOT.jar" ] || [ ! -d "$dir/lib" ]; then
    say "  note: api-document is not built: the gateway has no /openapi (mvn -pl api-document package)"
    return 0
  fi
  for svc in "${SERVICES[@]}"; do
    name="$(instances_of "$svc")"; name="${name%%$'\n'*}" # the first instance
    args+=("$svc=http://127.0.0.1:$(port_of "$name")/openapi")
  done
  if quietly "$STATE/logs/openapi.log" java -cp "$dir/api-document-1.0.0-SNAPSHOT.jar:$dir/lib/*" \
      com.forno.pizzeria.apidocument.GatewayDocument "$out" "$(gateway_url)" "${args[@]}"; then
    say "  OpenAPI document assembled: $(gateway_url)/openapi"
  else
    rm -f "$out/openapi.json" "$out/openapi.yaml"
    say "  warning: the OpenAPI document could not be assembled (see $STATE/logs/openapi.log); /openapi answers 503"
  fi
}
