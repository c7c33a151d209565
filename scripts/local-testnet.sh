#!/usr/bin/env bash
# Starts the four-validator local testnet (chain-specs/local.json) on loopback:
# Alice, Bob, Charlie and Dave author with Aura and finalize with GRANDPA.
# Alice's RPC is ws://127.0.0.1:9944, Bob's 9945, Charlie's 9946, Dave's 9947.
# Databases and logs go to $LOCAL_TESTNET_DIR (default: a temporary directory);
# Ctrl-C stops all four.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/build.sh"

dir="${LOCAL_TESTNET_DIR:-$(mktemp -d -t labelchain-local-XXXX)}"
mkdir -p "$dir"
pids=()
stop_all() { kill "${pids[@]}" 2>/dev/null || true; wait || true; }
trap stop_all EXIT INT TERM

start() { # name index [bootnode]
	local name=$1 index=$2 bootnode=${3:-}
	# Validators need a network key made beforehand; keep it across restarts.
	[ -f "$dir/$name/chains/labelchain_local/network/secret_ed25519" ] ||
		"$NODE_DEBUG" key generate-node-key --chain chain-specs/local.json --base-path "$dir/$name" 2>/dev/null
	"$NODE_DEBUG" --chain chain-specs/local.json "--$name" \
		--base-path "$dir/$name" \
		--port $((30333 + index)) --rpc-port $((9944 + index)) --prometheus-port $((9615 + index)) \
		--no-mdns ${bootnode:+--bootnodes "$bootnode"} \
		>"$dir/$name.log" 2>&1 &
	pids+=($!)
}

rpc() { # port method [params-json]; prints nothing if the node does not answer
	curl -s -H 'content-type: application/json' \
		-d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":${3:-[]}}" "http://127.0.0.1:$1" || true
}

start alice 0
peer_id=""
for _ in $(seq 1 120); do
	peer_id=$(rpc 9944 system_localPeerId | sed -n 's/.*"result":"\([^"]*\)".*/\1/p')
	[ -n "$peer_id" ] && break
	sleep 1
done
[ -n "$peer_id" ] || { echo "Alice did not start; see $dir/alice.log" >&2; exit 1; }
bootnode="/ip4/127.0.0.1/tcp/30333/p2p/$peer_id"
start bob 1 "$bootnode"
start charlie 2 "$bootnode"
start dave 3 "$bootnode"

log "four validators running; logs in $dir. Ctrl-C to stop."
while sleep 6; do
	printf 'finalized: '
	for port in 9944 9945 9946 9947; do
		head=$(rpc "$port" chain_getFinalizedHead | sed -n 's/.*"result":"\([^"]*\)".*/\1/p')
		number=$(rpc "$port" chain_getHeader "[\"$head\"]" | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p')
		printf '%s ' "$((${number:-0}))"
	done
	echo
done
