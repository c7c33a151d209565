#!/usr/bin/env bash
# Starts the four-validator local testnet (chain-specs/local.json) on loopback:
# Alice, Bob, Charlie and Dave author with Aura and finalize with GRANDPA.
# Alice's RPC is ws://127.0.0.1:9944, Bob's 9945, Charlie's 9946, Dave's 9947.
# Databases and logs go to $LOCAL_TESTNET_DIR (default: a temporary directory);
# Ctrl-C stops all four.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$REPO_ROOT/scripts/lib/validators.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/build.sh"

VALIDATORS_DIR="${LOCAL_TESTNET_DIR:-$(mktemp -d -t labelchain-local-XXXX)}"
P2P_BASE=30333
RPC_BASE=9944
trap validators_stop_all EXIT INT TERM
validators_start_all

log "four validators running; logs in $VALIDATORS_DIR. Ctrl-C to stop."
log "a fifth node joins with: --chain chain-specs/local.json --bootnodes $(validator_address 0) (docs/validators.md)"
while sleep 6; do
	printf 'finalized: '
	for index in 0 1 2 3; do printf '%s ' "$(finalized_number $((RPC_BASE + index)))"; done
	echo
done
