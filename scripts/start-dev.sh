#!/usr/bin/env bash
# Builds the node and starts a development chain on ws://127.0.0.1:9944.
#   scripts/start-dev.sh                  Aura slots: a block every 6 s
#   scripts/start-dev.sh --sealing 1000   a block every second
#   scripts/start-dev.sh --sealing instant
# State lives in a temporary directory and is gone when the node stops; pass
# --base-path DIR to keep it. Extra arguments go to labelchain-node.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$REPO_ROOT/scripts/build.sh"
base_path=()
case " $* " in *" --base-path "* | *" -d "*) ;; *) base_path=(--tmp) ;; esac
log "starting the dev chain: RPC on ws://127.0.0.1:9944, Prometheus on 127.0.0.1:9615"
exec "$NODE_DEBUG" --dev "${base_path[@]}" --rpc-cors all "$@"
