# Builds this package and packs it exactly as `npm publish` would ship it (n8n gets only what is
# in the tarball). Sourced by e2e/run.sh and e2e/browser/run.sh.
#   build_and_pack <repo root> <destination folder>   sets PACKED_TARBALL to the tarball's path

build_and_pack() {
  local repo_root="$1" destination="$2" entry
  echo "[e2e] building the package (npm run build)"
  if ! (cd "$repo_root" && npm run build); then
    echo "[e2e] ERROR: 'npm run build' failed in $repo_root; the suite needs a built package (dist/)." >&2
    return 1
  fi
  for entry in $(cd "$repo_root" && node -p "const n = require('./package.json').n8n; [...n.credentials, ...n.nodes].join(' ')"); do
    if [[ ! -f "$repo_root/$entry" ]]; then
      echo "[e2e] ERROR: package.json's n8n section names $entry, which the build did not produce." >&2
      return 1
    fi
  done
  PACKED_TARBALL="$destination/$(cd "$repo_root" && npm pack --silent --pack-destination "$destination" | tail -n 1)"
  if [[ ! -f "$PACKED_TARBALL" ]]; then
    echo "[e2e] ERROR: npm pack did not produce a tarball in $destination." >&2
    return 1
  fi
  echo "[e2e] packed $(basename "$PACKED_TARBALL")"
}
