#!/usr/bin/env bash
# Soak: the four-validator local network (chain-specs/local.json) on loopback
# under a steady labeling load (client/src/bin/labelchain-soak) while one
# validator at a time is killed (SIGKILL, no clean shutdown) and restarted on
# its database. The load runs for SOAK_LOAD_SECONDS, then waits until every
# task has closed; it then checks its books (every committed label settled or
# refunded, every budget and balance reconciled with the events, no failed
# call, finality never stalled over SOAK_STALL_BOUND seconds). This script
# checks each restarted validator came back on its own database, not by
# syncing from scratch. Everything it starts is stopped, pass or fail.
#
#   scripts/soak.sh --items 64                                   # the documented run: 30 minutes of load
#   SOAK_LOAD_SECONDS=60 SOAK_RESTART_EVERY=45 scripts/soak.sh   # the short form scripts/test.sh runs
#
# Settings (environment): SOAK_LOAD_SECONDS (1800), SOAK_RESTART_EVERY
# (seconds between kills, 90), SOAK_DOWN (seconds a killed validator stays
# down, 20), SOAK_STALL_BOUND (60), SOAK_DIR (databases and logs; default a
# temporary directory, removed after a pass). Extra arguments go to the load
# (`labelchain-soak --help`: annotators, items per task, tasks' pace).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$REPO_ROOT/scripts/lib/validators.sh"
cd "$REPO_ROOT"

LOAD_SECONDS="${SOAK_LOAD_SECONDS:-1800}"
RESTART_EVERY="${SOAK_RESTART_EVERY:-90}"
DOWN="${SOAK_DOWN:-20}"
STALL_BOUND="${SOAK_STALL_BOUND:-60}"
VALIDATORS_DIR="${SOAK_DIR:-$(mktemp -d -t labelchain-soak-XXXX)}"
# Clear of the local testnet's and the dev node's ports.
P2P_BASE=30533
RPC_BASE=9964
SOAK_BIN="$CARGO_TARGET_DIR/debug/labelchain-soak"

[ -n "${NO_BUILD:-}" ] || "$REPO_ROOT/scripts/build.sh"

chaos_pid=""
load_pid=""
cleanup() {
	[ -n "$load_pid" ] && kill "$load_pid" 2>/dev/null || true
	[ -n "$chaos_pid" ] && kill "$chaos_pid" 2>/dev/null || true
	validators_stop_all
}
trap cleanup EXIT
trap 'exit 143' INT TERM

# Kills validator INDEX and restarts it on its database; appends one line to
# restarts.log: "ok" when, at start, its database still held the block it had
# finalized before the kill (the node's "Highest known block" line), else
# "RESYNC".
kill_and_restart() {
	local index=$1 name=${VALIDATOR_NAMES[$1]} port=$(($1 + RPC_BASE))
	local before pid lines highest="" others=()
	before=$(finalized_number "$port")
	pid=$(cat "$VALIDATORS_DIR/$name.pid")
	kill -9 "$pid" 2>/dev/null || true
	while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
	sleep "$DOWN"
	for other in 0 1 2 3; do
		[ "$other" = "$index" ] || others+=("$(validator_address "$other")")
	done
	lines=$(wc -l <"$VALIDATORS_DIR/$name.log")
	validator_start "$index" "${others[@]}"
	if ! validator_wait "$index"; then
		echo "$(date +%s) $name RESYNC: did not come back" >>"$VALIDATORS_DIR/restarts.log"
		return
	fi
	# The node writes its log through a buffer: give the line a moment.
	for _ in $(seq 1 20); do
		highest=$(tail -n +$((lines + 1)) "$VALIDATORS_DIR/$name.log" |
			sed -n 's/.*Highest known block at #\([0-9]*\).*/\1/p' | head -1 || true)
		[ -n "$highest" ] && break
		sleep 0.5
	done
	if [ -n "$before" ] && [ -n "$highest" ] && [ "$highest" -ge "$before" ]; then
		echo "$(date +%s) $name ok: finalized #$before before the kill, #$highest in its database at start" \
			>>"$VALIDATORS_DIR/restarts.log"
	else
		echo "$(date +%s) $name RESYNC: finalized #${before:-?} before the kill, #${highest:-?} at start" \
			>>"$VALIDATORS_DIR/restarts.log"
	fi
}

chaos() {
	local round=0
	while sleep "$RESTART_EVERY"; do
		kill_and_restart $((round % 4))
		round=$((round + 1))
	done
}

log "starting four validators (RPC 127.0.0.1:$RPC_BASE-$((RPC_BASE + 3))); logs in $VALIDATORS_DIR"
validators_start_all
: >"$VALIDATORS_DIR/restarts.log"
chaos &
chaos_pid=$!

log "soak: ${LOAD_SECONDS} s of load, a validator killed every ${RESTART_EVERY} s for ${DOWN} s"
urls=()
for index in 0 1 2 3; do urls+=(--url "ws://127.0.0.1:$((RPC_BASE + index))"); done
status=0
# In the background, so that a signal to this script stops it at once.
"$SOAK_BIN" "${urls[@]}" --load-seconds "$LOAD_SECONDS" --stall-bound "$STALL_BOUND" \
	--json "$VALIDATORS_DIR/soak.json" "$@" &
load_pid=$!
wait "$load_pid" || status=$?
load_pid=""

kill "$chaos_pid" 2>/dev/null || true
wait "$chaos_pid" 2>/dev/null || true
chaos_pid=""
restarts=$(grep -c ' ok: ' "$VALIDATORS_DIR/restarts.log" || true)
resyncs=$(grep -c 'RESYNC' "$VALIDATORS_DIR/restarts.log" || true)
cat "$VALIDATORS_DIR/restarts.log"
echo "restarts survived on their own database: $restarts; needing a resync: $resyncs"
[ "$restarts" -gt 0 ] || { echo "FAIL: no validator was restarted (run longer than SOAK_RESTART_EVERY)"; status=1; }
[ "$resyncs" -eq 0 ] || status=1
if [ "$status" -eq 0 ] && [ -z "${SOAK_DIR:-}" ]; then
	validators_stop_all
	rm -rf "$VALIDATORS_DIR"
else
	echo "soak: databases, logs and figures kept in $VALIDATORS_DIR"
fi
exit "$status"
