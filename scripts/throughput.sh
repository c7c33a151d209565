#!/usr/bin/env bash
# Measures how many transfers and labels per second one node includes: builds a
# release node and the load generator (client/src/bin/labelchain-throughput),
# starts the node on the `benchmark` chain (the dev chain plus 4,000 funded
# accounts, Aura blocks every 6 s), sends pre-signed transfers, single labels
# and batched labels from many accounts, prints the rates and their ratios, and
# stops the node, pass or fail. Extra arguments go to the load generator
# (`--help` lists them: senders, annotators, transfers, labels, batch size).
#
#   scripts/throughput.sh
#   scripts/throughput.sh --transfers 10000 --labels 3000 --batched-labels 9000   # shorter
#
# Results also go to $CARGO_TARGET_DIR/throughput/result.json, the node's log to
# $CARGO_TARGET_DIR/throughput/node.log. Run it on an otherwise idle machine.
# NO_BUILD=1 runs the release binaries already in $CARGO_TARGET_DIR as they
# are (e.g. the node `scripts/benchmark-weights.sh` built with
# runtime-benchmarks, whose weights and blocks are the production runtime's).
# THROUGHPUT_PROFILE=debug uses the debug builds instead (scripts/test.sh runs a
# small load that way to check the tool, not to measure).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

OUT="$CARGO_TARGET_DIR/throughput"
PORT="${THROUGHPUT_RPC_PORT:-9955}"
mkdir -p "$OUT"

if [ "${THROUGHPUT_PROFILE:-release}" = debug ]; then
	"$REPO_ROOT/scripts/build.sh"
	node_bin="$NODE_DEBUG"
	load_bin="$CARGO_TARGET_DIR/debug/labelchain-throughput"
else
	if [ -z "${NO_BUILD:-}" ]; then
		log "building a release labelchain-node and the load generator"
		cargo build --locked --release -p labelchain-node -p labelchain-client
	fi
	node_bin="$NODE_RELEASE"
	load_bin="$CARGO_TARGET_DIR/release/labelchain-throughput"
fi

log "starting the benchmark chain (RPC on 127.0.0.1:$PORT)"
# Pools large enough for a whole load at once; no peers, so force authoring.
"$node_bin" --chain benchmark --alice --validator --force-authoring --tmp \
	--rpc-port "$PORT" --rpc-max-connections 1000 --port 0 \
	--node-key 0000000000000000000000000000000000000000000000000000000000000001 --no-prometheus --no-telemetry \
	--pool-limit 200000 --pool-kbytes 2000000 >"$OUT/node.log" 2>&1 &
node_pid=$!
trap 'kill "$node_pid" 2>/dev/null; wait "$node_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
	if curl -sf -H 'Content-Type: application/json' \
		-d '{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}' \
		"http://127.0.0.1:$PORT" >/dev/null 2>&1; then
		break
	fi
	kill -0 "$node_pid" 2>/dev/null || { tail -20 "$OUT/node.log"; exit 1; }
	sleep 0.5
done

log "sending the load"
"$load_bin" --url "ws://127.0.0.1:$PORT" \
	--json "$OUT/result.json" "$@"
