#!/usr/bin/env bash
# The services queue mode needs beside n8n, from Debian's packages: Redis (n8n's job queue)
# and PostgreSQL (n8n's database; n8n does not support SQLite in queue mode). Installs what
# is missing and nothing else; the queue scenario starts its own throwaway instances of both
# (e2e/lib/queue/redisServer.ts, postgresCluster.ts), never the system services.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
if ((${#missing[@]} == 0)); then
  echo "[e2e services] redis-server and postgresql already installed"
  exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
  echo "[e2e services] ERROR: missing ${missing[*]}; install them (apt-get install -y ${missing[*]}) or run as root" >&2
  exit 1
fi
echo "[e2e services] installing ${missing[*]} (apt-get)"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet; only then is the slower update needed.
if ! apt-get install -y --no-install-recommends "${missing[@]}"; then
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi
