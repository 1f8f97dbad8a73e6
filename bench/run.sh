#!/usr/bin/env bash
# `npm run bench` from the repository root. Installs the bench's own dependencies (n8n's
# HTTP Request node comes from n8n-nodes-base, about 900 MB) on first use, then runs every
# variant. Options: --quick (small N), --only=userflow,@20,getMany,cpu (filter), --n=2000.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STAMP="$BENCH_DIR/node_modules/.bench-lock-hash"
LOCK_HASH="$(sha256sum "$BENCH_DIR/package-lock.json" | cut -d' ' -f1)"
if [[ ! -f "$STAMP" || "$(cat "$STAMP")" != "$LOCK_HASH" ]]; then
	echo "[bench] installing bench dependencies (npm ci --prefix bench) ..."
	# bench/.npmrc sets ignore-scripts=true: isolated-vm, pulled in by n8n, does not build on Node 20.
	(cd "$BENCH_DIR" && npm ci --no-audit --no-fund --loglevel=error)
	echo "$LOCK_HASH" > "$STAMP"
fi
export TS_NODE_PROJECT="$BENCH_DIR/tsconfig.json"
# The project's nodes sit next to same-named .json codex files: load the .ts, not the .json.
export TS_NODE_PREFER_TS_EXTS=true
exec node -r "$BENCH_DIR/src/one-copy.js" -r "$BENCH_DIR/node_modules/ts-node/register/transpile-only" \
	"$BENCH_DIR/src/main.ts" "$@"
