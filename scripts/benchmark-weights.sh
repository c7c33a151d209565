#!/usr/bin/env bash
# Measures the weights of every call of our pallets (the four labeling ones,
# the validator set and enactment) with their
# worst-case v2 benchmarks, and writes each pallet's src/weights.rs from
# scripts/benchmarks/weights.hbs (machine, date and command in its header).
# Also measures, on the same machine, what the runtime charges everything else
# by, into runtime/src/weights/:
#   pallet_balances.rs     transfers (so labels and transfers compare fairly);
#   frame_system_extensions.rs, pallet_transaction_payment.rs
#                          what every transaction's extensions cost (nonce,
#                          mortality, weight checks, fee payment);
#   pallet_utility.rs      batches;
#   paritydb_weights.rs    one storage read and one write of the node's database
#                          (`benchmark storage` on the benchmark chain's genesis
#                          state, writes amortized over batches of 100 keys);
#   block_weights.rs, extrinsic_weights.rs
#                          an empty block and a no-op transaction (`benchmark
#                          overhead`): the base weights of every block and
#                          transaction.
# Raw results go to $CARGO_TARGET_DIR/benchmarks/*.json. Print the weight tables (docs/throughput-and-weights.md) with
#   cargo run -p labelchain-runtime --example weights_table
#
#   scripts/benchmark-weights.sh              # all pallets, 50 steps, 20 repeats
#   STEPS=2 REPEAT=1 scripts/benchmark-weights.sh   # a quick smoke run
#   FROM_JSON=1 scripts/benchmark-weights.sh  # rewrite the files from the last
#                                             # run's raw results (template changes)
#   ONLY="pallet_label_voting" NO_BUILD=1 scripts/benchmark-weights.sh
#                                             # only the named pallets (no storage
#                                             # or overhead run): after changing one
#
# Builds a release node with the `runtime-benchmarks` feature first (about
# 40 minutes from nothing on 2 cores). Run it on an otherwise idle machine: the
# weights are only as good as the timing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
RESULTS="$CARGO_TARGET_DIR/benchmarks"
mkdir -p "$RESULTS"

if [ -z "${FROM_JSON:-}" ] && [ -z "${NO_BUILD:-}" ]; then
log "building a release labelchain-node with runtime benchmarks"
# frame-benchmarking-cli brings a test runtime for `benchmark storage` on
# parachains; its wasm build cannot find itself in this workspace's metadata
# (the CLI is an optional dependency), and pallet benchmarks do not need it.
SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
	cargo build --locked --release -p labelchain-node --features runtime-benchmarks
fi

measure() {
	local pallet="$1" output="$2"
	shift 2
	if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $pallet "* ]]; then
		return
	fi
	if [ -n "${FROM_JSON:-}" ]; then
		log "rewriting $output from $RESULTS/$pallet.json"
		"$NODE_RELEASE" benchmark pallet --json-input "$RESULTS/$pallet.json" --output "$output" "$@"
		return
	fi
	log "benchmarking $pallet"
	"$NODE_RELEASE" benchmark pallet \
		--chain dev \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--wasm-execution compiled \
		--json-file "$RESULTS/$pallet.json" \
		--output "$output" \
		"$@"
}

for crate in tasks annotator-stake reputation label-voting validator-set enactment; do
	measure "pallet_${crate//-/_}" "pallets/$crate/src/weights.rs" --template scripts/benchmarks/weights.hbs
done
# The CLI's own template: a runtime-side `WeightInfo` for each upstream pallet.
for pallet in pallet_balances pallet_transaction_payment pallet_utility frame_system_extensions pallet_collective; do
	measure "$pallet" "runtime/src/weights/$pallet.rs"
done

if [ -z "${FROM_JSON:-}" ] && [ -z "${ONLY:-}" ]; then
	log "benchmarking storage reads and writes"
	state="$(mktemp -d)"
	trap 'rm -rf "$state"' EXIT
	# A block of a hundred transactions writes a few hundred keys: amortizing
	# the state root over 100 writes is the conservative end of real blocks.
	"$NODE_RELEASE" benchmark storage --chain benchmark --base-path "$state" \
		--state-version 1 --database paritydb --batch-size 100 --warmups 1 \
		--weight-path runtime/src/weights
	log "benchmarking block and transaction overhead"
	"$NODE_RELEASE" benchmark overhead --chain dev --warmup 10 --repeat 100 \
		--weight-path runtime/src/weights
fi

log "weights written; the table: cargo run -p labelchain-runtime --example weights_table"
