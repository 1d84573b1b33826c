# shellcheck shell=bash
# Part of bin/pizzeria, sourced by it (its settings and helpers say(), die(), has() are in scope).
# What the instances run and need: the WARs and the web app built when stale, Payara Micro, the signing keys,
# the admin's password, the state directory and its lock.

# --- build, runtime, keys and secrets ---------------------------------------------------------------------------

# quietly LOG COMMAND...: run it in the repository root with its output in LOG; show the end of LOG if it fails.
quietly() {
  local log="$1"; shift
  mkdir -p "$(dirname "$log")"
  if (cd "$ROOT" && "$@") >"$log" 2>&1 </dev/null; then return 0; fi
  tail -n 60 "$log" >&2
  return 1
}

# A WAR is stale when it is missing, or when a pom (any module's: parents and BOMs shape every WAR) or a file
# under its module's sources, or under a module every WAR packages (platform, contracts), is newer. (api-document,
# which `up` runs, counts too: the build that makes the WARs makes it.)
stale_wars() {
  local svc war
  for svc in "${SERVICES[@]}"; do
    war="$(war_of "$svc")"
    if [ ! -s "$war" ] || [ -n "$(find "$ROOT" -maxdepth 2 -name pom.xml -newer "$war" -print -quit 2>/dev/null)" ] \
        || [ -n "$(find "$ROOT/$svc-war/src" "$ROOT/platform/src" "$ROOT/contracts/src" "$ROOT/api-document/src" \
          -newer "$war" -type f -print -quit 2>/dev/null)" ]; then
      printf '%s ' "$svc"
    fi
  done
}

build_if_needed() {
  local stale; stale="$(stale_wars)"
  case "$BUILD" in
    never) [ -z "$stale" ] || say "PIZZERIA_BUILD=never: not rebuilding ${stale}" ;;
    always) stale="all" ;;
    auto) ;;
    *) die "PIZZERIA_BUILD must be auto, always or never, not '$BUILD'" ;;
  esac
  if [ "$BUILD" != never ] && [ -n "$stale" ]; then
    say "building (stale: ${stale% }) ..."
    if [ -d "$WEB_SRC" ]; then ensure_node; fi # the reactor builds the web app too
    quietly "$STATE/logs/build.log" mvn -q -B -DskipTests clean package || die "the build failed (see $STATE/logs/build.log)"
  fi
  local svc
  for svc in "${SERVICES[@]}"; do [ -s "$(war_of "$svc")" ] || die "missing $(war_of "$svc"): build first"; done
  build_web_if_needed
}

# --- the web app (web/: storefront and console, static files that nginx serves) ---------------------------------

WEB_SRC="$ROOT/web"
WEB_DIST="$WEB_SRC/dist"
WEB_DIR="$STATE/web" # the copy nginx serves, so that a rebuild in the tree never serves half a build

node_major() { node --version 2>/dev/null | sed -n 's/^v\([0-9][0-9]*\).*/\1/p'; }

# Node.js 18 or newer and npm (Debian 12's nodejs is 18; npm is a package of its own there).
ensure_node() {
  need node nodejs
  need npm npm
  [ "$(node_major)" -ge 18 ] 2>/dev/null || die "the web app needs Node.js 18 or newer (found $(node --version))"
}

# The web app is stale when its build is missing, or a file it is built from is newer than the build.
web_stale() {
  local built="$WEB_DIST/index.html"
  [ -s "$built" ] || return 0
  [ -n "$(find "$WEB_SRC/src" "$WEB_SRC/public" "$WEB_SRC/index.html" "$WEB_SRC/package.json" "$WEB_SRC/package-lock.json" \
    "$WEB_SRC/vite.config.ts" "$WEB_SRC"/tsconfig*.json -newer "$built" -type f -print -quit 2>/dev/null)" ]
}

# npm ci (when node_modules is missing or older than the lock file) and npm run build, like the WARs: only when
# stale, unless PIZZERIA_BUILD says otherwise.
build_web_if_needed() {
  [ -d "$WEB_SRC" ] || return 0
  local stale=0
  web_stale && stale=1
  case "$BUILD" in
    never) if [ "$stale" = 1 ]; then say "PIZZERIA_BUILD=never: not rebuilding the web app"; fi; return 0 ;;
    always) stale=1 ;;
  esac
  [ "$stale" = 1 ] || return 0
  ensure_node
  say "building the web app ..."
  if [ ! -f "$WEB_SRC/node_modules/.package-lock.json" ] || [ "$WEB_SRC/package-lock.json" -nt "$WEB_SRC/node_modules/.package-lock.json" ]; then
    quietly "$STATE/logs/web-build.log" bash -c 'cd web && npm ci --no-audit --no-fund' || die "npm ci failed (see $STATE/logs/web-build.log)"
  fi
  quietly "$STATE/logs/web-build.log" bash -c 'cd web && npm run build' || die "the web build failed (see $STATE/logs/web-build.log)"
}

# The copy nginx serves: replaced (by rename) only when the build differs.
snapshot_web() {
  if [ ! -s "$WEB_DIST/index.html" ]; then
    [ -s "$WEB_DIR/index.html" ] || say "  note: the web app is not built (web/dist): the gateway serves the API only"
    return 0
  fi
  if diff -rq "$WEB_DIST" "$WEB_DIR" >/dev/null 2>&1; then return 0; fi
  rm -rf "$WEB_DIR.new" "$WEB_DIR.old"
  cp -R "$WEB_DIST" "$WEB_DIR.new" && chmod -R a+rX "$WEB_DIR.new"
  if [ -e "$WEB_DIR" ]; then mv "$WEB_DIR" "$WEB_DIR.old"; fi
  mv "$WEB_DIR.new" "$WEB_DIR"
  rm -rf "$WEB_DIR.old"
}

# nginx's workers read the web app's files. Started as root, nginx runs them as nobody: when nobody cannot reach
# the state directory (a checkout under /root), they run as the user who runs the stack, like its instances.
worker_user_line() {
  if is_root && [ -s "$WEB_DIR/index.html" ] && has runuser \
      && ! runuser -u nobody -- test -r "$WEB_DIR/index.html" 2>/dev/null; then
    printf 'user %s;  # nobody cannot read %s\n' "$(id -un)" "$WEB_DIR"
  else
    printf '# workers: nginx'"'"'s default user\n'
  fi
}

# The instances run a copy of each WAR, so that a `mvn clean` in the tree cannot pull a WAR from under them.
# A copy is replaced (by rename, never in place) only when the built WAR differs.
snapshot_wars() {
  local svc war copy
  mkdir -p "$STATE/wars"
  NEW_WARS=" "
  for svc in "${SERVICES[@]}"; do
    war="$(war_of "$svc")"; copy="$STATE/wars/$svc.war"
    if ! cmp -s "$war" "$copy"; then
      cp "$war" "$copy.new" && mv -f "$copy.new" "$copy"
      NEW_WARS+="$svc "
    fi
  done
}

# Payara Micro, fetched through Maven (the version is the root pom's payara.version).
ensure_payara() {
  local version
  version="$(sed -n 's:.*<payara.version>\([^<]*\)</payara.version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
  [ -n "$version" ] || die "no payara.version in $ROOT/pom.xml"
  PAYARA_JAR="$STATE/lib/payara-micro-$version.jar"
  if [ ! -s "$PAYARA_JAR" ]; then
    say "fetching Payara Micro $version ..."
    mkdir -p "$STATE/lib"
    quietly "$STATE/logs/fetch.log" mvn -q -B -N dependency:copy -Dartifact="fish.payara.extras:payara-micro:$version" \
      -DoutputDirectory="$STATE/lib" || die "could not fetch fish.payara.extras:payara-micro:$version"
  fi
  mkdir -p "$STATE/payara"
  # bind HTTP to loopback (only nginx and this machine reach the instances), and give the default managed
  # executors core threads: with Payara's core-pool-size 0 they run one task at a time, which serialised every
  # @Asynchronous Fault Tolerance call (payments' processor, users' sign-in) and their timeouts (the periodic
  # tasks have threads of their own)
  cp "$ROOT/war-parent/payara-preboot-loopback.asadmin" "$STATE/payara/preboot.asadmin"
  # Payara Micro's default logging, without ANSI colours and start-up noise (the images use the same file)
  cp "$ROOT/war-parent/payara-logging.properties" "$STATE/payara/logging.properties"
}

# The users service's signing key set: a directory of RS256 private keys (PKCS#8), named by their UTC creation time
# so that the newest sorts last (the users service signs with it; the others stay in the JWKS). One key is generated
# on the first start; a state directory of before the key set moves its single key in.
keys_dir() { printf '%s/keys/jwt' "$STATE"; }

new_key() { # new_key NAME
  local dir; dir="$(keys_dir)"
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/.$1.new" 2>/dev/null) \
    || die "openssl could not generate a key"
  mv -f "$dir/.$1.new" "$dir/$1"
}

key_files() { find "$(keys_dir)" -maxdepth 1 -name '*.pem' -type f -printf '%f\n' | LC_ALL=C sort; }

ensure_keys() {
  local dir; dir="$(keys_dir)"
  mkdir -p "$dir" && chmod 700 "$STATE/keys" "$dir"
  if [ -z "$(key_files)" ]; then
    if [ -s "$STATE/keys/jwt-private.pem" ]; then
      mv -f "$STATE/keys/jwt-private.pem" "$dir/00000000T000000Z.pem" && rm -f "$STATE/keys/jwt-public.pem"
    else
      say "generating the JWT signing key ..."
      new_key "$(date -u +%Y%m%dT%H%M%SZ).pem"
    fi
  fi
}

# keys rotate: a new key joins the set (listed in the JWKS at once, signing once verifiers have had the time to fetch
# it); keys retire: every key but the newest leaves the set, and with it every token it signed, within the JWKS cache
# time. Retiring less than an access token's life (15 minutes) after a rotation ends sessions early: it asks --force.
keys() {
  ensure_keys
  local dir; dir="$(keys_dir)"
  case "${1:-list}" in
    rotate)
      local name; name="$(date -u +%Y%m%dT%H%M%SZ).pem"
      [ -e "$dir/$name" ] && { sleep 1; name="$(date -u +%Y%m%dT%H%M%SZ).pem"; }
      new_key "$name"
      say "added $name: it signs once the services have fetched the new JWKS (users.jwks.max-age-seconds)"
      ;;
    retire)
      local newest age; newest="$(key_files | tail -n 1)"
      age=$(( $(date +%s) - $(stat -c %Y "$dir/$newest") ))
      if [ "$age" -lt 900 ] && [ "${2:-}" != --force ]; then
        die "the newest key is only ${age}s old: tokens signed by the others may still be in use (up to 900 s); wait, or retire --force"
      fi
      key_files | head -n -1 | while read -r name; do rm -f "$dir/$name"; say "retired $name"; done
      ;;
    list) key_files ;;
    *) die "keys rotate | retire [--force] | list" ;;
  esac
}

admin_password_file() { printf '%s/secrets/admin-password' "$STATE"; }

admin_password() {
  if [ -n "${PIZZERIA_ADMIN_PASSWORD:-}" ]; then printf '%s' "$PIZZERIA_ADMIN_PASSWORD"; return; fi
  local file; file="$(admin_password_file)"
  if [ ! -s "$file" ]; then
    mkdir -p "$STATE/secrets" && chmod 700 "$STATE/secrets"
    (umask 077 && openssl rand -base64 48 | tr -dc 'A-Za-z0-9' | head -c 20 >"$file")
  fi
  cat "$file"
}

# The state directory holds private keys: inside the work tree it must be git-ignored.
check_state_dir() {
  case "$STATE/" in
    "$ROOT"/*)
      if has git && git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1 \
          && ! git -C "$ROOT" check-ignore -q "$STATE/keys/jwt/key.pem"; then
        die "PIZZERIA_STATE_DIR=$STATE is inside the repository but not git-ignored (it will hold private keys)"
      fi
      ;;
  esac
}

# Only one bin/pizzeria at a time works on a state directory.
lock_state() {
  mkdir -p "$STATE"
  if has flock; then
    exec 9>"$STATE/.lock"
    flock -w 600 9 || die "another bin/pizzeria is working on $STATE"
  fi
}
