#!/usr/bin/env bash
# Installs the Debian packages the tests need (a real HAProxy, Debian's Chromium, a real Prometheus with promtool,
# PostgreSQL 15 for the store's tests, which start their own throwaway server) when they are missing.
# Runs before `npm test` and in CI; as a non-root user it prints the command instead.
set -euo pipefail

missing=()
[[ -x /usr/sbin/haproxy ]] || missing+=(haproxy)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/prometheus && -x /usr/bin/promtool ]] || missing+=(prometheus)
[[ -x /usr/lib/postgresql/15/bin/initdb && -x /usr/lib/postgresql/15/bin/postgres ]] || missing+=(postgresql)
((${#missing[@]} == 0)) && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "hapscope tests need: ${missing[*]}. Install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "--- installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# The tests run initdb themselves: no system cluster ("main" on port 5432) is created or started.
mkdir -p /etc/postgresql-common/createcluster.d
echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.d/hapscope.conf
apt-get update </dev/null
apt-get install -y "${missing[@]}" </dev/null
