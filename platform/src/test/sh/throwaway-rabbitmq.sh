#!/usr/bin/env bash
# A RabbitMQ node of the integration tests' own, beside the shared broker (which it never touches):
#   throwaway-rabbitmq.sh fresh | start | stop | status
#     fresh  ends a node left over by an aborted run, wipes its data, starts a new node
#     start  starts the node on the data it has (quorum queues keep their messages across stop/start)
#     stop   stops the node gracefully, keeping its data
# Every command is idempotent. Settings (environment):
#   IT_RABBITMQ_DIR   where the node keeps everything (data, logs, cookie); required
#   IT_RABBITMQ_NODE  node name (default pizzeria-it@localhost)
#   IT_RABBITMQ_PORT  AMQP port on 127.0.0.1 (default 5699); the distribution port is this + 20000
set -euo pipefail

DIR="${IT_RABBITMQ_DIR:?set IT_RABBITMQ_DIR}"
NODE="${IT_RABBITMQ_NODE:-pizzeria-it@localhost}"
PORT="${IT_RABBITMQ_PORT:-5699}"
BIN=/usr/lib/rabbitmq/bin   # the real scripts: /usr/sbin's wrappers would run the node as user rabbitmq

# Everything the node reads or writes lives under $DIR: our own HOME (Erlang cookie), config, env file and
# plugins list, so neither /etc/rabbitmq (which configures the shared broker on 5672) nor /root is used.
export HOME="$DIR/home"
export RABBITMQ_NODENAME="$NODE"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$PORT"
export RABBITMQ_DIST_PORT=$((PORT + 20000))
export RABBITMQ_MNESIA_BASE="$DIR/mnesia"
export RABBITMQ_LOG_BASE="$DIR/log"
export RABBITMQ_PID_FILE="$DIR/node.pid"
export RABBITMQ_CONFIG_FILE="$DIR/rabbitmq.conf"
export RABBITMQ_ADVANCED_CONFIG_FILE="$DIR/advanced.config"
export RABBITMQ_CONF_ENV_FILE="$DIR/rabbitmq-env.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$DIR/enabled_plugins"
export ERL_EPMD_ADDRESS=127.0.0.1
export ERL_CRASH_DUMP="$DIR/erl_crash.dump"   # not in the caller's working directory
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"

say() { printf 'throwaway-rabbitmq: %s\n' "$*" >&2; }

ctl() { "$BIN/rabbitmqctl" -n "$NODE" "$@"; }

running() { ctl -q ping >/dev/null 2>&1; }

# The node's OS process: from its pid file or, when that is gone (mvn clean after an aborted run), from the process
# listening on its AMQP port, provided it was started as this node.
node_pid() {
  local pid=""
  [ -s "$RABBITMQ_PID_FILE" ] && pid="$(cat "$RABBITMQ_PID_FILE")"
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
    pid="$(ss -Hltnp "sport = :$PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2 || true)"
  fi
  if [ -n "$pid" ] && tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -qx "RABBITMQ_NODENAME=$NODE"; then
    echo "$pid"
  fi
}

prepare() {
  mkdir -p "$HOME" "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE"
  if [ ! -s "$HOME/.erlang.cookie" ]; then
    (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$HOME/.erlang.cookie")
    chmod 400 "$HOME/.erlang.cookie"
  fi
  printf 'listeners.tcp.local = 127.0.0.1:%s\nloopback_users = none\n' "$PORT" > "$RABBITMQ_CONFIG_FILE"
  printf '[].\n' > "$RABBITMQ_ADVANCED_CONFIG_FILE"
  printf '[].\n' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  : > "$RABBITMQ_CONF_ENV_FILE"
}

start() {
  if running; then
    return
  fi
  say "starting $NODE on 127.0.0.1:$PORT"
  rm -f "$RABBITMQ_PID_FILE"
  # the detached node must not hold our caller's stdout open (Maven and the tests wait for it to close)
  "$BIN/rabbitmq-server" -detached >>"$RABBITMQ_LOG_BASE/startup.log" 2>&1 </dev/null
  if ! ctl -q wait --timeout 60 "$RABBITMQ_PID_FILE" >/dev/null 2>&1; then
    say "$NODE did not start; see $RABBITMQ_LOG_BASE"
    exit 1
  fi
}

alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

wait_gone() { # PID SECONDS
  for _ in $(seq $(($2 * 2))); do alive "$1" || return 0; sleep 0.5; done
}

stop() {
  local pid; pid="$(node_pid)"
  if running; then
    say "stopping $NODE"
    ctl -q stop >/dev/null 2>&1 || true
    wait_gone "$pid" 30
  fi
  # A node that did not stop that way (unreachable: its cookie went with mvn clean, or half-started) is ended by
  # its pid, never by name: SIGTERM stops a node cleanly, SIGKILL if it hangs.
  if alive "$pid"; then
    say "ending $NODE (pid $pid)"
    kill "$pid" 2>/dev/null || true
    wait_gone "$pid" 10
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$RABBITMQ_PID_FILE"
}

prepare   # first: every CLI call needs the cookie
case "${1:-}" in
  fresh) stop; rm -rf "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE"; prepare; start ;;
  start) start ;;
  stop) stop ;;
  status) if running; then echo running; else echo stopped; exit 3; fi ;;
  *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
