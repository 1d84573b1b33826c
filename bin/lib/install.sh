# shellcheck shell=bash
# Part of bin/pizzeria, sourced by it (its settings and helpers say(), die(), has() are in scope).
# What the stack needs on this machine: Java, Maven, nginx and the other tools (installed on Debian/Ubuntu as
# root), PostgreSQL and RabbitMQ (started when they are down).

# --- installing what is missing (Debian/Ubuntu as root; elsewhere: say what to install) ----------------------

apt_install() {
  local packages=("$@")
  if is_root && has apt-get; then
    say "installing ${packages[*]} ..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null 2>&1 \
      || { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null; } \
      || die "apt-get install ${packages[*]} failed"
  else
    die "please install: ${packages[*]} (Debian/Ubuntu package names; run as root to let this script do it)"
  fi
}

need() { # need COMMAND PACKAGE
  has "$1" || apt_install "$2"
  has "$1" || die "$1 is still missing after installing $2"
}

java_major() { java -version 2>&1 | sed -n '1s/^[^"]*"\([0-9][0-9]*\).*/\1/p'; }
java_ok() { has java && has javac && [ "$(java_major)" -ge 17 ] 2>/dev/null; }

# A JDK 17 or newer (the build needs javac; Payara Micro 6 runs on 17).
ensure_java() {
  java_ok && return
  if ! ls -d /usr/lib/jvm/java-17-openjdk-* >/dev/null 2>&1; then apt_install openjdk-17-jdk-headless; fi
  if ! java_ok; then # installed, but an older java comes first on the PATH
    local home
    for home in /usr/lib/jvm/java-17-openjdk-*; do
      if [ -x "$home/bin/javac" ]; then export JAVA_HOME="$home" PATH="$home/bin:$PATH"; break; fi
    done
  fi
  java_ok || die "need a JDK 17 or newer (java and javac) on the PATH: install openjdk-17-jdk-headless"
}

nginx_bin() {
  if has nginx; then command -v nginx
  elif [ -x /usr/sbin/nginx ]; then printf '/usr/sbin/nginx\n'
  fi
}

# Debian's package starts a system-wide nginx (port 80) right after installing it: stop that one, and only if
# it was not running before we installed the package.
ensure_nginx() {
  [ -n "$(nginx_bin)" ] && return
  local system_pid_file=/run/nginx.pid was_running=0
  if [ -s "$system_pid_file" ] && kill -0 "$(cat "$system_pid_file")" 2>/dev/null; then was_running=1; fi
  apt_install nginx
  [ -n "$(nginx_bin)" ] || die "nginx is still missing after installing it"
  if [ "$was_running" = 0 ] && [ -s "$system_pid_file" ]; then
    local pid; pid="$(cat "$system_pid_file")"
    if kill -0 "$pid" 2>/dev/null; then
      say "stopping the system nginx (pid $pid) that the package started"
      kill -QUIT "$pid" 2>/dev/null || true
      for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; fi
    fi
  fi
}

# Everything `up` needs on the machine.
ensure_tools() {
  ensure_java
  need mvn maven
  need openssl openssl
  need curl curl
  ensure_nginx
}

# --- PostgreSQL -------------------------------------------------------------------------------------------------

pg_ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; }

ensure_postgres() {
  need psql postgresql-client
  if ! pg_ready; then
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then apt_install postgresql; fi
    if has pg_ctlcluster; then
      local version
      # shellcheck disable=SC2012 # the entries are version numbers
      version="$(ls /etc/postgresql | sort -V | tail -n 1)"
      say "starting PostgreSQL $version ..."
      pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || pg_ctlcluster "$version" main start || true
    fi
    for _ in $(seq 30); do pg_ready && break; sleep 1; done
    pg_ready || die "PostgreSQL does not answer on $PG_HOST:$PG_PORT"
  fi
}

# psql as a superuser: over TCP when the server trusts us, else through the local socket as the postgres user
pg_admin() {
  local PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" # no NOTICEs for what already exists
  export PGOPTIONS
  if psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -Atq "$@"
  elif is_root && has runuser; then
    (cd / && runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -Atq "$@")
  else
    die "cannot reach PostgreSQL as a superuser (user postgres) on $PG_HOST:$PG_PORT"
  fi
}

# Runs a script as PostgreSQL's superuser, connected as pg_admin connects (its psql reads PG* and the rest of its
# settings from the environment).
pg_admin_run() { # pg_admin_run SCRIPT
  if psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    PGHOST="$PG_HOST" PGPORT="$PG_PORT" PGUSER=postgres sh "$1"
  elif is_root && has runuser; then
    (cd / && PGPORT="$PG_PORT" runuser -p -u postgres -- sh "$1")
  else
    die "cannot reach PostgreSQL as a superuser (user postgres) on $PG_HOST:$PG_PORT"
  fi
}

# --- RabbitMQ ---------------------------------------------------------------------------------------------------

# rabbitmqctl against the node this stack uses: the machine's, or PIZZERIA_RABBITMQ_NODE (a test's own node; the
# real script, not /usr/sbin's wrapper, which would switch to the rabbitmq user and its cookie).
rmqctl() {
  if [ -n "${PIZZERIA_RABBITMQ_NODE:-}" ]; then
    HOME="${PIZZERIA_RABBITMQ_HOME:-$HOME}" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$PIZZERIA_RABBITMQ_NODE" "$@"
  else
    rabbitmqctl "$@"
  fi
}

rabbit_ready() { rmqctl -q ping >/dev/null 2>&1; }

ensure_rabbitmq() {
  has rabbitmqctl || apt_install rabbitmq-server
  if [ -n "${PIZZERIA_RABBITMQ_NODE:-}" ]; then
    rabbit_ready || die "the RabbitMQ node $PIZZERIA_RABBITMQ_NODE does not answer"
    return
  fi
  if ! rabbit_ready; then
    say "starting RabbitMQ ..."
    rabbitmq-server -detached >/dev/null 2>&1 || true
    for _ in $(seq 60); do rabbit_ready && break; sleep 1; done
    rabbit_ready || die "RabbitMQ does not start (see /var/log/rabbitmq)"
  fi
}
