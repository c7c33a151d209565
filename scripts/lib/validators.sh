# Starting, asking and stopping the four local validators (Alice, Bob,
# Charlie, Dave on chain-specs/local.json), shared by scripts/local-testnet.sh
# and scripts/soak.sh. Source it after common.sh, then set:
#   VALIDATORS_DIR   where each validator's database, log and pid file go
#   P2P_BASE         Alice's p2p port; Bob's is one more, and so on
#   RPC_BASE         Alice's RPC port, likewise
# shellcheck shell=bash

VALIDATOR_NAMES=(alice bob charlie dave)

# rpc PORT METHOD [PARAMS-JSON]: the JSON answer, or nothing if none came.
rpc() {
	curl -s --max-time 5 -H 'content-type: application/json' \
		-d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":${3:-[]}}" "http://127.0.0.1:$1" || true
}

# rpc_result PORT METHOD [PARAMS-JSON]: the answer's "result" when a string.
rpc_result() {
	rpc "$@" | sed -n 's/.*"result":"\([^"]*\)".*/\1/p'
}

# finalized_number PORT: the validator's finalized block number (empty if down).
finalized_number() {
	local head number
	head=$(rpc_result "$1" chain_getFinalizedHead)
	[ -n "$head" ] || return 0
	number=$(rpc "$1" chain_getHeader "[\"$head\"]" | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p')
	[ -n "$number" ] && echo $((number))
}

# validator_start INDEX [BOOTNODE...]: starts one validator in the
# background on its own database (kept across restarts), appending to its log.
validator_start() {
	local index=$1 name=${VALIDATOR_NAMES[$1]} base="$VALIDATORS_DIR/${VALIDATOR_NAMES[$1]}"
	shift
	# Validators need a network key made beforehand; keep it across restarts.
	[ -f "$base/chains/labelchain_local/network/secret_ed25519" ] ||
		"$NODE_DEBUG" key generate-node-key --chain chain-specs/local.json --base-path "$base" 2>/dev/null
	local bootnodes=()
	[ $# -gt 0 ] && bootnodes=(--bootnodes "$@")
	"$NODE_DEBUG" --chain chain-specs/local.json "--$name" \
		--base-path "$base" \
		--port $((P2P_BASE + index)) --rpc-port $((RPC_BASE + index)) --no-prometheus \
		--no-mdns "${bootnodes[@]}" \
		>>"$VALIDATORS_DIR/$name.log" 2>&1 &
	echo $! >"$VALIDATORS_DIR/$name.pid"
	# Stopped by pid (validators_stop_all), not by job: a validator killed
	# on purpose is no job's news.
	disown $!
}

# validator_wait INDEX: waits (up to two minutes) until its RPC answers.
validator_wait() {
	local port=$((RPC_BASE + $1))
	for _ in $(seq 1 240); do
		[ -n "$(rpc_result "$port" system_localPeerId)" ] && return 0
		sleep 0.5
	done
	echo "${VALIDATOR_NAMES[$1]} did not start; see $VALIDATORS_DIR/${VALIDATOR_NAMES[$1]}.log" >&2
	return 1
}

# validator_address INDEX: its p2p multiaddress, for --bootnodes.
validator_address() {
	echo "/ip4/127.0.0.1/tcp/$((P2P_BASE + $1))/p2p/$(rpc_result $((RPC_BASE + $1)) system_localPeerId)"
}

# validators_start_all: Alice first, the others with her as their bootnode.
validators_start_all() {
	mkdir -p "$VALIDATORS_DIR"
	validator_start 0
	validator_wait 0
	local alice
	alice=$(validator_address 0)
	for index in 1 2 3; do validator_start "$index" "$alice"; done
	for index in 1 2 3; do validator_wait "$index"; done
}

# validators_stop_all: stops every validator still running and waits (up to
# 20 s, then kills) until they are gone.
validators_stop_all() {
	local pids=() pid
	for name in "${VALIDATOR_NAMES[@]}"; do
		pid=$(cat "$VALIDATORS_DIR/$name.pid" 2>/dev/null || true)
		[ -n "$pid" ] && kill "$pid" 2>/dev/null && pids+=("$pid")
	done
	for _ in $(seq 1 40); do
		pid=""
		for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && break || pid=""; done
		[ -z "$pid" ] && return 0
		sleep 0.5
	done
	kill -9 "${pids[@]}" 2>/dev/null || true
}
