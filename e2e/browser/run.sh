#!/usr/bin/env bash
# The browser suite: n8n 2.41.1's editor in headless Chromium, driven by puppeteer-core, with this
# package installed from its npm tarball. From the repository root:
#   bash e2e/browser/run.sh
# Installs what is missing (idempotent, fast when present): Debian's chromium (apt-get), this
# folder's npm packages (npm ci from its lockfile), n8n 2.41.1 (e2e/install.sh 2). Then builds
# and packs the package and runs e2e/browser/suite.ts. See e2e/README.md for the options.
set -euo pipefail

BROWSER_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
E2E_DIR="$(dirname "$BROWSER_DIR")"
REPO_ROOT="$(dirname "$E2E_DIR")"
CHROMIUM="${E2E_CHROMIUM:-/usr/bin/chromium}"
# shellcheck source=e2e/lib/versions.sh
source "$E2E_DIR/lib/versions.sh"
# shellcheck source=e2e/lib/pack.sh
source "$E2E_DIR/lib/pack.sh"

TIMED_PREFIX=browser
# shellcheck source=e2e/lib/timed.sh
source "$E2E_DIR/lib/timed.sh"

install_chromium() {
  if [[ -x "$CHROMIUM" ]]; then
    echo "[browser] chromium: $("$CHROMIUM" --version 2>/dev/null | head -n 1)"
    return 0
  fi
  echo "[browser] installing Debian's chromium (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [[ -x "$CHROMIUM" ]] || { echo "[browser] ERROR: apt-get installed chromium but $CHROMIUM is missing" >&2; return 1; }
}

# npm ci only when the lockfile changed since the last install (the same stamp idea as e2e/install.sh).
install_npm_packages() {
  local stamp="$BROWSER_DIR/node_modules/.browser-install-stamp" fingerprint
  fingerprint="$(cat "$BROWSER_DIR/package.json" "$BROWSER_DIR/package-lock.json" | sha256sum | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$fingerprint" ]]; then
    echo "[browser] npm packages: already installed"
    return 0
  fi
  (cd "$BROWSER_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$fingerprint" >"$stamp"
}

timed "chromium" install_chromium
timed "npm ci (e2e/browser)" install_npm_packages
timed "n8n 2 install" bash "$E2E_DIR/install.sh" 2

pack_dir="$(mktemp -d)"
trap 'rm -rf "$pack_dir"' EXIT
timed "build and pack" build_and_pack "$REPO_ROOT" "$pack_dir"

cd "$REPO_ROOT"
E2E_NODE_BIN="$(version_node_bin_dir 2)/node" \
  E2E_N8N_BIN="$(version_dir 2)/node_modules/n8n/bin/n8n" \
  E2E_TARBALL="$PACKED_TARBALL" \
  E2E_CHROMIUM="$CHROMIUM" \
  TS_NODE_PREFER_TS_EXTS=true npx --no-install ts-node --transpile-only "$BROWSER_DIR/suite.ts"
