# timed <name> <command...>: runs the command and prints how long it took, keeping its status.
# Sourced by e2e/run.sh and e2e/browser/run.sh; TIMED_PREFIX names the suite in the line.
timed() {
  local name="$1" started=$SECONDS status=0
  shift
  "$@" || status=$?
  echo "[${TIMED_PREFIX:-e2e}] $name took $((SECONDS - started)) s"
  return $status
}
