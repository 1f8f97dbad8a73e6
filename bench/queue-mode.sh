#!/usr/bin/env bash
# Queue mode at the issue's full size (README, "Scaling out"): the e2e scenario `queue` with
# 1,000 users per execution (CI runs it with 250), main + 2 workers on one API key limited to
# 30 requests/s. Writes bench/results/queue-mode.md and .json; about 12 minutes on 2 cores.
# E2E_QUEUE_USERS and E2E_QUEUE_RATE override the size and the emulator's limit.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$(dirname "$BENCH_DIR")"
E2E_QUEUE_USERS="${E2E_QUEUE_USERS:-1000}" E2E_QUEUE_RESULTS="$BENCH_DIR/results" E2E_SCENARIOS=queue \
	exec bash e2e/run.sh 2
