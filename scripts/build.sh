#!/usr/bin/env bash
# Builds the node (debug by default; `scripts/build.sh --release` for benchmarks).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
log "building labelchain-node ${*:-(debug)} into $CARGO_TARGET_DIR"
# The whole workspace, so features unify as they do for `cargo test --workspace`
# and the tests reuse this build instead of compiling crates a second time.
cargo build --locked --workspace "$@"
