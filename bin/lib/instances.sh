# shellcheck shell=bash
# Part of bin/pizzeria, sourced by it (its settings and helpers say(), die(), has() are in scope).
# The Payara Micro instances: names, ports, environment, JVM options, start, readiness.

# --- the instances ------------------------------------------------------------------------------------------------

instance_names() { local entry; for entry in "${INSTANCES[@]}"; do printf '%s\n' "${entry%%:*}"; done; }

port_of() { # port_of INSTANCE
  local entry
  for entry in "${INSTANCES[@]}"; do
    if [ "${entry%%:*}" = "$1" ]; then printf '%s' $((PORT_BASE + ${entry##*:})); return; fi
  done
  die "no instance named $1"
}

service_of() { printf '%s' "${1%-[0-9]*}"; }

instances_of() { # instances_of SERVICE
  local name
  for name in $(instance_names); do [ "$(service_of "$name")" = "$1" ] && printf '%s\n' "$name"; done
  return 0
}

war_of() { printf '%s/%s-war/target/%s.war' "$ROOT" "$1" "$1"; }
pid_file() { printf '%s/pids/%s.pid' "$STATE" "$1"; }
log_file() { printf '%s/logs/%s.log' "$STATE" "$1"; }

# A regular expression matching $1 literally (for pgrep -f).
regex_quote() { printf '%s' "$1" | sed 's/[][\.*^$+?(){}|/]/\\&/g'; }

# Every instance's JVM carries these two system properties: they tell our processes from anyone else's.
marker() { printf -- '-Dpizzeria.state=%s -Dpizzeria.instance=%s' "$STATE" "$1"; }

# The pid of a running instance of this stack, or nothing. The pid file first; when it is lost (a `mvn clean`
# of the system tests' state directory), the process is found by its marker and the pid file written again.
instance_pid() {
  local name="$1" file pid
  file="$(pid_file "$name")"
  if [ -s "$file" ]; then
    pid="$(cat "$file")"
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$(marker "$name") "; then
      printf '%s' "$pid"; return
    fi
  fi
  has pgrep || return 0
  pid="$(pgrep -f -- "$(regex_quote "$(marker "$name")")( |\$)" | head -n 1 || true)"
  if [ -n "$pid" ]; then mkdir -p "$STATE/pids" && printf '%s\n' "$pid" >"$file" && printf '%s' "$pid"; fi
}

is_ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/health/ready" 2>/dev/null; }

port_busy() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# An instance's JVM options: the environment's replacement, or its service's jvm.options as an argument file.
jvm_opts_of() {
  local svc replacement; svc="$(service_of "$1")"
  case "$svc" in
    ai) replacement="${PIZZERIA_AI_JVM_OPTS:-}" ;;
    users) replacement="${PIZZERIA_USERS_JVM_OPTS:-}" ;;
    *) replacement="${PIZZERIA_JVM_OPTS:-}" ;;
  esac
  if [ -n "$replacement" ]; then printf '%s' "$replacement"; else printf '@%s' "$ROOT/$svc-war/jvm.options"; fi
}

# The environment of one instance (MicroProfile Config maps PIZZERIA_DATASOURCE_URL to pizzeria.datasource.url).
# Secrets go through the environment, never the command line (which every user can read).
export_instance_env() {
  local name="$1" svc; svc="$(service_of "$name")"
  export PIZZERIA_INSTANCE="$name"
  export PIZZERIA_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB?currentSchema=$svc"
  export PIZZERIA_DATASOURCE_SCHEMA="$svc"
  export PIZZERIA_DATASOURCE_USER; PIZZERIA_DATASOURCE_USER="$(role_of "$svc")"
  export PIZZERIA_DATASOURCE_PASSWORD; PIZZERIA_DATASOURCE_PASSWORD="$(db_password "$svc")"
  if uses_broker "$svc"; then
    export PIZZERIA_AMQP_URI; PIZZERIA_AMQP_URI="amqp://$(broker_user "$svc"):$(broker_password "$svc")@$AMQP_HOST:$AMQP_PORT/$VHOST"
    # its user may configure nothing: provisioning declared the topology
    export PIZZERIA_BROKER_DECLARE_TOPOLOGY=false
  else
    unset PIZZERIA_AMQP_URI
  fi
  export PIZZERIA_ANALYTICS_ROLE; PIZZERIA_ANALYTICS_ROLE="$(role_of analytics)"
  # every service, users too, verifies through the users instance's JWKS, which it caches for the time the JWKS
  # response says (users.jwks.max-age-seconds)
  unset MP_JWT_VERIFY_PUBLICKEY
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION; MP_JWT_VERIFY_PUBLICKEY_LOCATION="http://127.0.0.1:$(port_of users)/.well-known/jwks.json"
  # and polls its cut-offs of ended sessions (the platform's SessionCutoffs): a token issued before its user's
  # cut-off is refused within a poll (2 s)
  export PIZZERIA_SESSIONS_CUTOFFS_URL; PIZZERIA_SESSIONS_CUTOFFS_URL="http://127.0.0.1:$(port_of users)/sessions/cutoffs"
  export MP_JWT_VERIFY_ISSUER="$JWT_ISSUER"
  export MP_JWT_VERIFY_AUDIENCES="$JWT_AUDIENCE"
  # the servers of its OpenAPI document: this stack's gateway, which clients call (not the instance)
  export MP_OPENAPI_SERVERS; MP_OPENAPI_SERVERS="$(gateway_url)"
  # what one service alone needs
  case "$svc" in
    users)
      export USERS_JWT_PRIVATE_KEY_LOCATION; USERS_JWT_PRIVATE_KEY_LOCATION="$(keys_dir)"
      export USERS_JWKS_MAX_AGE_SECONDS="$JWKS_MAX_AGE"
      export USERS_OAUTH_BASE_URL; USERS_OAUTH_BASE_URL="$(gateway_url)"
      export USERS_ADMIN_EMAIL="$ADMIN_EMAIL"
      export USERS_ADMIN_PASSWORD; USERS_ADMIN_PASSWORD="$(admin_password)"
      ;;
    ai)
      # the analytics views of every service, read-only (see provision)
      export AI_ANALYTICS_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB"
      export AI_ANALYTICS_USER; AI_ANALYTICS_USER="$(role_of analytics)"
      export AI_ANALYTICS_PASSWORD; AI_ANALYTICS_PASSWORD="$(db_password analytics)"
      ;;
    orders)
      # orders reads stock's menu through this stack's gateway, which balances and fails over between the
      # stock instances (orders-war's own default is the developer gateway, :8080: wrong for a second stack)
      export ORDERS_STOCK_URL; ORDERS_STOCK_URL="$(gateway_url)"
      ;;
  esac
}

start_instance() {
  local name="$1" svc port war log run
  svc="$(service_of "$name")"; port="$(port_of "$name")"
  war="$STATE/wars/$svc.war"; log="$(log_file "$name")"; run="$STATE/run/$name"
  rm -rf "$run" && mkdir -p "$run/tmp" "$STATE/pids" "$STATE/logs"
  rm -f "$(pid_file "$name")"
  if [ -f "$log" ]; then mv -f "$log" "$log.1"; fi
  local opts; read -r -a opts <<<"$(jvm_opts_of "$name")"
  # the ai's tokenizer unpacks its native library here rather than into ~/.djl.ai
  if [ "$svc" = ai ]; then opts+=("-DDJL_CACHE_DIR=$run/djl"); fi
  (
    export_instance_env "$name"
    # glibc's malloc in two arenas, as in the image (see the Dockerfile)
    export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
    cd "$run"
    # setsid: its own session, so it outlives this shell and the terminal; the inner shell writes its own pid
    # (which java then keeps through exec) whether or not setsid had to fork.
    # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
    exec setsid bash -c 'echo $$ > "$0"; exec "$@"' "$(pid_file "$name")" \
      java "${opts[@]}" -Dpizzeria.state="$STATE" -Dpizzeria.instance="$name" -Djava.io.tmpdir="$run/tmp" \
      -jar "$PAYARA_JAR" --nohazelcast --disablephonehome \
      --rootdir "$run/root" --prebootcommandfile "$STATE/payara/preboot.asadmin" \
      --logproperties "$STATE/payara/logging.properties" \
      --port "$port" --contextroot / --deploy "$war"
  ) </dev/null >>"$log" 2>&1 9>&- &
  for _ in $(seq 50); do [ -s "$(pid_file "$name")" ] && break; sleep 0.1; done
  STARTED_AT["$name"]=$SECONDS
  say "  started $name on port $port (pid $(cat "$(pid_file "$name")" 2>/dev/null || echo '?'))"
}

# Wait until every named instance answers 200 on /health/ready. A process that dies, a deployment that failed
# (Payara stays up and answers 503) or the overall timeout: print the log's tail and fail.
wait_ready() {
  local deadline=$((SECONDS + READY_TIMEOUT)) pending=("$@") still name log
  while [ ${#pending[@]} -gt 0 ]; do
    still=()
    for name in "${pending[@]}"; do
      log="$(log_file "$name")"
      if is_ready "$(port_of "$name")"; then
        if [ -n "${STARTED_AT[$name]:-}" ]; then say "  $name ready after $((SECONDS - STARTED_AT[$name])) s"; else say "  $name ready"; fi
      elif [ -z "$(instance_pid "$name")" ]; then
        fail_instance "$name" "its process exited"
      elif deployment_failed "$log"; then
        fail_instance "$name" "its deployment failed (Payara stays up, with nothing deployed or answering 503)"
      else
        still+=("$name")
      fi
    done
    pending=("${still[@]+"${still[@]}"}")
    [ ${#pending[@]} -eq 0 ] && break
    if [ "$SECONDS" -ge "$deadline" ]; then
      for name in "${pending[@]}"; do show_log_tail "$name"; done
      up_failed "not ready after ${READY_TIMEOUT} s: ${pending[*]}"
    fi
    sleep 1
  done
}

# Payara Micro does not exit when the WAR fails: it logs "Exception while loading the app" (a failing @Startup
# bean), or finishes booting with an empty "Deployed" list (an unreadable WAR).
deployment_failed() {
  [ -f "$1" ] || return 1
  grep -q 'Exception while loading the app' "$1" && return 0
  awk '/"Deployed": \[/ { getline; if ($0 ~ /^[[:space:]]*\]/) found = 1 } END { exit !found }' "$1"
}

show_log_tail() {
  local log; log="$(log_file "$1")"
  say "---- last lines of $log ----"
  tail -n 40 "$log" >&2 2>/dev/null || true
  say "----"
}

fail_instance() { show_log_tail "$1"; up_failed "$1 failed: $2"; }

up_failed() {
  say "pizzeria: $*"
  if [ "${PIZZERIA_STOP_ON_FAILURE:-0}" = 1 ]; then say "stopping what was started ..."; down; fi
  exit 1
}
