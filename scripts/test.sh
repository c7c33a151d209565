#!/usr/bin/env bash
# Runs every test: Rust unit and runtime tests, then the end-to-end tests that
# start real nodes (a dev chain, and the four-validator local testnet), and,
# beside them all, the soak's short form (four validators under load, killed
# in turn).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

"$REPO_ROOT/scripts/build.sh"

# The soak's short form spends most of its time waiting for blocks (a task's
# labels settle only after the 100-block appeal window), so it runs beside
# the other tests; its four validators use ports none of them use.
SOAK_LOG="$CARGO_TARGET_DIR/soak/short-run.log"
mkdir -p "$(dirname "$SOAK_LOG")"
log "soak, short form, in the background (its output: $SOAK_LOG)"
NO_BUILD=1 SOAK_LOAD_SECONDS=60 SOAK_RESTART_EVERY=45 "$REPO_ROOT/scripts/soak.sh" >"$SOAK_LOG" 2>&1 &
soak_pid=$!
trap 'kill "$soak_pid" 2>/dev/null || true' EXIT

log "Rust tests (the client's command-line test starts a dev node)"
LABELCHAIN_NODE="$NODE_DEBUG" cargo test --locked --workspace

log "pallet benchmarks, run once each as tests; the runtime compiled with its benchmarks"
# The runtime is in the list so that its benchmark wiring (apis.rs'
# dispatch_benchmark, define_benchmarks!) compiles in CI: only the release
# bench build compiled it before, and it broke unseen once.
SKIP_WASM_BUILD=1 cargo test --locked -p pallet-annotator-stake -p pallet-label-voting -p pallet-reputation -p pallet-tasks \
	-p pallet-validator-set -p pallet-enactment -p labelchain-runtime \
	--features runtime-benchmarks --lib -- benchmark

log "try-runtime checker (try-runtime/, a workspace of its own), for the runtime-upgrade test"
# Without wasm: it runs this tree's runtime natively with its try-runtime hooks.
SKIP_WASM_BUILD=1 cargo build --locked --manifest-path try-runtime/Cargo.toml
export LABELCHAIN_TRY_RUNTIME="$CARGO_TARGET_DIR/debug/labelchain-try-runtime"

log "web app: unit tests (salt store, CID checks, sealing, amounts), then its build for the browser test"
[ -d web/node_modules ] || (cd web && npm ci --no-audit --no-fund --loglevel=error)
(cd web && npm test --silent && npm run --silent build)

log "end-to-end tests (Polkadot.js against real nodes; the web app in Debian's Chromium)"
[ -d e2e/node_modules ] || (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
(cd e2e && LABELCHAIN_NODE="$NODE_DEBUG" npm test)

log "throughput load generator, a small load on a debug node (checks the tool, measures nothing)"
THROUGHPUT_PROFILE=debug "$REPO_ROOT/scripts/throughput.sh" \
	--senders 20 --annotators 12 --transfers 200 --labels 60 --paired-labels 4 --per-wave 2 --batched-labels 120 --batch 5

log "soak, short form: waiting for its verdict"
if wait "$soak_pid"; then
	sed -n '/^| figure/,$p' "$SOAK_LOG"
else
	cat "$SOAK_LOG"
	echo "the soak failed" >&2
	exit 1
fi
