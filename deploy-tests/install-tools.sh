#!/usr/bin/env bash
# Installs what the deployment checks run, when it is missing (idempotent; the build calls it before the tests):
#   promtool        Debian package prometheus       (check config, check rules, test rules)
#   docker-compose  Debian package docker-compose   (config -q validates the compose file without an engine)
#   kubectl         not packaged by Debian: must be on the PATH already (kubectl kustomize renders offline)
# Installing needs root on Debian/Ubuntu; elsewhere it says what to install and fails.
#
# Debian's prometheus package starts a Prometheus server (port 9090) when it is installed. The install runs with a
# policy-rc.d that forbids starting services; a server that starts anyway, and was not running before, is stopped
# right after (by its pid).
set -euo pipefail

say() { printf 'install-tools: %s\n' "$*" >&2; }
has() { command -v "$1" >/dev/null 2>&1; }

missing=()
has promtool || missing+=(prometheus)
has docker-compose || missing+=(docker-compose)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! has apt-get; then
    say "missing: ${missing[*]} (Debian/Ubuntu package names); install them, or run this script as root"
    exit 1
  fi
  prometheus_before="$(pgrep -x prometheus | tr '\n' ' ' || true)"
  policy=/usr/sbin/policy-rc.d own_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && own_policy=1
  fi
  say "installing ${missing[*]} ..."
  install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null; }
  status=0
  install "${missing[@]}" || { apt-get update -q >/dev/null && install "${missing[@]}"; } || status=$?
  if [ "$own_policy" = 1 ]; then rm -f "$policy"; fi
  [ "$status" = 0 ] || { say "apt-get install ${missing[*]} failed"; exit 1; }
  for pid in $(pgrep -x prometheus || true); do
    case " $prometheus_before " in
      *" $pid "*) ;;
      *) say "stopping the Prometheus server (pid $pid) that the package started"; kill -TERM "$pid" 2>/dev/null || true ;;
    esac
  done
fi

has promtool || { say "promtool is still missing (package prometheus)"; exit 1; }
has docker-compose || { say "docker-compose is still missing (package docker-compose)"; exit 1; }
if ! has kubectl; then
  say "kubectl is missing: install a kubectl (1.27 or newer, with kustomize built in) on the PATH; Debian does not package it"
  exit 1
fi
