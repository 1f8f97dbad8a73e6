#!/usr/bin/env bash
# End-to-end suite: this package inside the real n8n CLI. From the repository root:
#   bash e2e/run.sh <2|1|all>
# 2 = n8n 2.41.1 on Node 24, 1 = n8n 1.123.81 on Node 20 (see e2e/README.md).
# Installs the n8n CLIs if needed (e2e/install.sh, fast when already installed), builds and packs
# this package, then runs e2e/driver.ts once per version. Exit code 0 only if every step passed.
# E2E_SCENARIOS=examples,trigger,webhook,cursors,agent,queue (any subset) runs a subset; the default is all
# (queue: n8n 2 only, with Redis and PostgreSQL from Debian, installed here when missing).
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$E2E_DIR")"
# shellcheck source=e2e/lib/versions.sh
source "$E2E_DIR/lib/versions.sh"

versions="$(expand_versions "${1:-}")"

timed() {
  local name="$1" started=$SECONDS status=0
  shift
  "$@" || status=$?
  echo "[e2e] $name took $((SECONDS - started)) s"
  return $status
}

timed "install ($versions)" bash "$E2E_DIR/install.sh" "${1}"
if [[ " $versions " == *" 2 "* && ",${E2E_SCENARIOS:-queue}," == *",queue,"* ]]; then
  timed "install queue-mode services" bash "$E2E_DIR/lib/queue/install-services.sh"
fi

cd "$REPO_ROOT"
echo "[e2e] building the package (npm run build)"
if ! timed "build" npm run build; then
  echo "[e2e] ERROR: 'npm run build' failed in $REPO_ROOT; the suite needs a built package (dist/)." >&2
  exit 1
fi
for entry in $(node -p "const n = require('./package.json').n8n; [...n.credentials, ...n.nodes].join(' ')"); do
  if [[ ! -f "$entry" ]]; then
    echo "[e2e] ERROR: package.json's n8n section names $entry, which the build did not produce." >&2
    exit 1
  fi
done

# Packed exactly as `npm publish` would ship it; n8n gets only what is in the tarball.
pack_dir="$(mktemp -d)"
trap 'rm -rf "$pack_dir"' EXIT
tarball="$pack_dir/$(npm pack --silent --pack-destination "$pack_dir" | tail -n 1)"
echo "[e2e] packed $(basename "$tarball")"

status=0
for version in $versions; do
  started=$SECONDS
  if E2E_LABEL="$version" \
    E2E_NODE_BIN="$(version_node_bin_dir "$version")/node" \
    E2E_N8N_BIN="$(version_dir "$version")/node_modules/n8n/bin/n8n" \
    E2E_N8N_ENV="$(version_env "$version")" \
    E2E_TARBALL="$tarball" \
    TS_NODE_PREFER_TS_EXTS=true npx --no-install ts-node --transpile-only "$E2E_DIR/driver.ts"; then
    echo "[e2e] n8n $version: PASSED in $((SECONDS - started)) s"
  else
    echo "[e2e] n8n $version: FAILED in $((SECONDS - started)) s"
    status=1
  fi
done
exit $status
