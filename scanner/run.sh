#!/usr/bin/env bash
# n8n's community-package scanner (@n8n/scan-community-package, pinned in scanner/package.json)
# on exactly what would be published. From the repository root:
#   bash scanner/run.sh           builds the package first
#   bash scanner/run.sh --built   uses dist/ as it is (.ci/run, right after its build step)
# Runs the scanner's two lint legs (the source; the npm pack tarball), says that its
# provenance leg cannot run here, then proves the scan fails when a node imports a banned
# module. Exit code 0 only if both legs pass and the self-check catches the banned import.
set -euo pipefail

SCANNER_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$SCANNER_DIR")"
started=$SECONDS

# The scanner declares typescript@7, whose API @typescript-eslint/parser cannot use; the
# lockfile puts typescript 5.9 at the top of node_modules, where the parser resolves it, and
# keeps the scanner's own copy nested. --legacy-peer-deps (also in scanner/.npmrc) because
# that typescript does not satisfy the scanner's declared range. A stamp of the lockfile
# skips a reinstall that would change nothing.
stamp="$SCANNER_DIR/node_modules/.scanner-install-stamp"
fingerprint="$(cat "$SCANNER_DIR/package.json" "$SCANNER_DIR/package-lock.json" | sha256sum | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$fingerprint" ]]; then
  echo "[scanner] already installed ($SCANNER_DIR/node_modules)"
else
  echo "[scanner] npm ci in $SCANNER_DIR"
  (cd "$SCANNER_DIR" && npm ci --legacy-peer-deps --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$fingerprint" >"$stamp"
fi
# One of the scanner's rules loads n8n-workflow at startup. It resolves from the repository's
# own node_modules (the same pinned n8n-workflow the nodes are built against), which halves
# this folder's install; so the root install (npm ci) must come first.
if ! (cd "$SCANNER_DIR" && node -e "require.resolve('n8n-workflow')" 2>/dev/null); then
  echo "[scanner] ERROR: n8n-workflow does not resolve from $SCANNER_DIR; run 'npm ci' in $REPO_ROOT first." >&2
  exit 1
fi
echo "[scanner] $(cd "$SCANNER_DIR" && node -p "'@n8n/scan-community-package ' + require('@n8n/scan-community-package/package.json').version + ', typescript ' + require('typescript/package.json').version + ' for its parser'")"

cd "$REPO_ROOT"
if [[ "${1:-}" != "--built" ]]; then
  npm run build >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tarball="$work/$(npm pack --silent --pack-destination "$work" | tail -n 1)"
mkdir "$work/package"
tar -xzf "$tarball" -C "$work/package" --strip-components=1
echo "[scanner] packed $(basename "$tarball") ($(find "$work/package" -type f | wc -l) files)"

status=0
node "$SCANNER_DIR/scan.mjs" "$REPO_ROOT" "$work/package" || status=1
node "$SCANNER_DIR/self-check.mjs" "$REPO_ROOT" "$work/package" || status=1

echo "[scanner] $([[ $status == 0 ]] && echo PASSED || echo FAILED) in $((SECONDS - started)) s"
exit $status
