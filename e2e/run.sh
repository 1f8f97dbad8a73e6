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

# shellcheck source=e2e/lib/timed.sh
source "$E2E_DIR/lib/timed.sh"

timed "install ($versions)" bash "$E2E_DIR/install.sh" "${1}"
if [[ " $versions " == *" 2 "* && ",${E2E_SCENARIOS:-queue}," == *",queue,"* ]]; then
  timed "install queue-mode services" bash "$E2E_DIR/lib/queue/install-services.sh"
fi

# shellcheck source=e2e/lib/pack.sh
source "$E2E_DIR/lib/pack.sh"
pack_dir="$(mktemp -d)"
trap 'rm -rf "$pack_dir"' EXIT
timed "build and pack" build_and_pack "$REPO_ROOT" "$pack_dir"
tarball="$PACKED_TARBALL"
cd "$REPO_ROOT"

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
