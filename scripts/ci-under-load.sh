#!/usr/bin/env bash
# CI on a busy machine: clones this repository afresh, keeps every core busy with a CPU-bound process, and runs
# `.ci/run` RUNS times in a row (default 3), stopping at the first failure. Each run's time and result go to
# ci-under-load.txt beside the clone (and to stdout); each run's log to run-N.log. The load is stopped on exit,
# whatever happens.
#   scripts/ci-under-load.sh [RUNS] [WORKDIR]
set -euo pipefail
RUNS="${1:-3}"
WORKDIR="${2:-$(mktemp -d /tmp/ci-under-load.XXXXXX)}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
CORES="$(getconf _NPROCESSORS_ONLN)"

load_pids=()
stop_load() {
	for pid in "${load_pids[@]}"; do kill "$pid" 2> /dev/null || true; done
}
trap stop_load EXIT INT TERM

mkdir -p "$WORKDIR"
git clone -q "$REPO" "$WORKDIR/clone"
echo "Fresh clone of $(git -C "$REPO" rev-parse --short HEAD) in $WORKDIR/clone; $CORES busy processes (one per core)" | tee "$WORKDIR/ci-under-load.txt"
for _ in $(seq "$CORES"); do
	# A busy loop at normal priority: it competes for the cores as another job on the machine would.
	node -e 'for (;;) {}' &
	load_pids+=("$!")
done

for run in $(seq "$RUNS"); do
	began=$(date +%s)
	if (cd "$WORKDIR/clone" && CI=true bash .ci/run > "$WORKDIR/run-$run.log" 2>&1); then result=passed; else result=failed; fi
	seconds=$(($(date +%s) - began))
	echo "run $run: $result in $((seconds / 60)) min $((seconds % 60)) s (log: $WORKDIR/run-$run.log)" | tee -a "$WORKDIR/ci-under-load.txt"
	[ "$result" = passed ] || exit 1
done
