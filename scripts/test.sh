#!/usr/bin/env bash
# Runs every test: Rust unit and runtime tests, then the end-to-end tests that
# start real nodes (a dev chain, and the four-validator local testnet).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

"$REPO_ROOT/scripts/build.sh"

log "Rust tests (the client's command-line test starts a dev node)"
LABELCHAIN_NODE="$NODE_DEBUG" cargo test --locked --workspace

log "pallet benchmarks, run once each as tests"
SKIP_WASM_BUILD=1 cargo test --locked -p pallet-annotator-stake -p pallet-label-voting -p pallet-reputation -p pallet-tasks \
	--features runtime-benchmarks --lib -- benchmark

log "end-to-end tests (Polkadot.js against real nodes)"
[ -d e2e/node_modules ] || (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
(cd e2e && LABELCHAIN_NODE="$NODE_DEBUG" npm test)

log "throughput load generator, a small load on a debug node (checks the tool, measures nothing)"
THROUGHPUT_PROFILE=debug "$REPO_ROOT/scripts/throughput.sh" \
	--senders 20 --annotators 12 --transfers 200 --labels 60 --paired-labels 4 --per-wave 2 --batched-labels 120 --batch 5
